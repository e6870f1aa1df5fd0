using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Cli.Options;
using GraphGuard.Workflows.Features;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard graph snapshot|features</c>: the in-memory interaction graph of a window, described or turned into per-account features.</summary>
internal static class GraphCommand
{
    public static Command Create() => new("graph", "The in-memory interaction graph") { Snapshot(), Features() };

    private static Command Snapshot()
    {
        var window = new WindowOptions();
        var readers = new Option<int>("--readers") { Description = "Parallel PostgreSQL readers", DefaultValueFactory = _ => 2 };
        var project = new Option<bool>("--project") { Description = "Also build the account-account shared-context projection" };
        var json = JsonOutput.Option();
        var command = window.On(new Command("snapshot", "Load the interaction graph of a time window from PostgreSQL and print its size and load speed") { readers, project, json });
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var m = await SnapshotMeasurement.MeasureAsync(dataSource, window.Read(parse), parse.GetValue(readers), parse.GetValue(project), ct);
            return JsonOutput.Report(parse, json, m, () =>
            {
                AnsiConsole.MarkupLine($"{m.Nodes:N0} nodes, {m.Edges:N0} edges, {m.MemoryBytes / (1 << 20):N0} MiB ({m.BytesPerEdge} bytes/edge)");
                AnsiConsole.MarkupLine($"read {m.ReadSeconds:F1} s + build {m.BuildSeconds:F1} s = {m.EdgesPerSecond:N0} edges/s");
                if (m.Projection is { } projection)
                {
                    AnsiConsole.MarkupLine(Markup.Escape($"projection: {projection}"));
                }
            });
        });
    }

    private static Command Features()
    {
        var window = new WindowOptions();
        var json = JsonOutput.Option();
        var command = window.On(new Command("features", "Compute every per-account graph feature of a window and store them as a new feature run") { json });
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var (runId, matrix) = await GraphFeatureRun.ComputeAsync(dataSource, window.Read(parse), ct);
            var seconds = Math.Round(clock.Elapsed.TotalSeconds, 2);
            return JsonOutput.Report(parse, json, new { feature_run_id = runId, accounts = matrix.RowCount, features = matrix.Names, seconds }, () =>
            {
                AnsiConsole.MarkupLine($"feature run {runId}: {matrix.RowCount:N0} accounts x {matrix.ColumnCount} features in {seconds} s");
                AnsiConsole.MarkupLine(Markup.Escape(string.Join(", ", matrix.Names)));
            });
        });
    }
}
