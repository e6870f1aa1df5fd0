using System.CommandLine;
using GraphGuard.Cli.Options;
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
            var m = await SnapshotMeasurement.MeasureAsync(dataSource, window, parse.GetValue(readers), parse.GetValue(project), ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(m);
                return 0;
            }
            AnsiConsole.MarkupLine($"{m.Nodes:N0} nodes, {m.Edges:N0} edges, {m.MemoryBytes / (1 << 20):N0} MiB ({m.BytesPerEdge} bytes/edge)");
            AnsiConsole.MarkupLine($"read {m.ReadSeconds:F1} s + build {m.BuildSeconds:F1} s = {m.EdgesPerSecond:N0} edges/s");
            if (m.Projection is { } projection)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"projection: {projection}"));
            }
            return 0;
        });
        return new Command("graph", "The in-memory interaction graph") { snapshot, Features() };
    }
}
