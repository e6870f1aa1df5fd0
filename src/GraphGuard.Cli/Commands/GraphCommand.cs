using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Features;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard graph snapshot</c>: build the in-memory interaction graph of a window and describe it.</summary>
internal static class GraphCommand
{
    private static Command Features()
    {
        var windowOptions = new WindowOptions();
        var json = CommonOptions.Json();
        var command = new Command("features", "Compute every per-account graph feature of a window and store them as a new feature run") { json };
        windowOptions.On(command);
        CliAction.Set(command, async (parse, ct) =>
        {
            var window = windowOptions.Read(parse);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (runId, matrix) = await GraphFeatureRun.ComputeAsync(dataSource, window, ct);
            var summary = new { feature_run_id = runId, accounts = matrix.RowCount, features = matrix.Names, seconds = Math.Round(clock.Elapsed.TotalSeconds, 2) };
            if (parse.GetValue(json))
            {
                JsonOutput.Write(summary);
            }
            else
            {
                AnsiConsole.MarkupLine($"feature run {runId}: {matrix.RowCount:N0} accounts x {matrix.ColumnCount} features in {summary.seconds} s");
                AnsiConsole.MarkupLine(Markup.Escape(string.Join(", ", matrix.Names)));
            }
            return 0;
        });
        return command;
    }

    public static Command Create()
    {
        var windowOptions = new WindowOptions();
        var readers = new Option<int>("--readers") { Description = "Parallel PostgreSQL readers", DefaultValueFactory = _ => 2 };
        var project = new Option<bool>("--project") { Description = "Also build the account-account shared-context projection" };
        var json = CommonOptions.Json();
        var snapshot = new Command("snapshot", "Load the interaction graph of a time window from PostgreSQL and print its size and load speed")
        {
            readers, project, json,
        };
        windowOptions.On(snapshot);
        CliAction.Set(snapshot, async (parse, ct) =>
        {
            var window = windowOptions.Read(parse);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var (graph, timings) = await SnapshotLoader.LoadAsync(dataSource, window, Math.Max(1, parse.GetValue(readers)), ct);
            using (graph)
            {
                object? projection = null;
                if (parse.GetValue(project))
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    using var p = SharedContextProjection.Build(graph, new ProjectionOptions());
                    projection = new
                    {
                        accounts = p.Accounts.Count,
                        ties = p.Graph.EdgeCount / 2,
                        contexts_used = p.ContextsUsed,
                        hubs_skipped = p.HubsSkipped,
                        pairs_emitted = p.PairsEmitted,
                        seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                    };
                }
                var result = new
                {
                    nodes = graph.NodeCount,
                    edges = graph.EdgeCount,
                    memory_bytes = graph.MemoryBytes,
                    bytes_per_edge = graph.EdgeCount == 0 ? 0 : Math.Round((double)graph.MemoryBytes / graph.EdgeCount, 2),
                    read_seconds = Math.Round(timings.Read.TotalSeconds, 3),
                    build_seconds = Math.Round(timings.Build.TotalSeconds, 3),
                    edges_per_second = Math.Round(graph.EdgeCount / Math.Max(1e-9, timings.Total.TotalSeconds)),
                    projection,
                };
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(result);
                }
                else
                {
                    AnsiConsole.MarkupLine($"{graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges, {graph.MemoryBytes / (1 << 20):N0} MiB ({result.bytes_per_edge} bytes/edge)");
                    AnsiConsole.MarkupLine($"read {timings.Read.TotalSeconds:F1} s + build {timings.Build.TotalSeconds:F1} s = {result.edges_per_second:N0} edges/s");
                    if (projection is not null)
                    {
                        AnsiConsole.MarkupLine(Markup.Escape($"projection: {projection}"));
                    }
                }
            }
            return 0;
        });
        return new Command("graph", "The in-memory interaction graph") { snapshot, Features() };
    }
}
