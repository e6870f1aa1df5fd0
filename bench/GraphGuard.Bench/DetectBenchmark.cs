using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Core.Detection;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard-bench detect</c>: every detector on the benchmark world (the database <c>bench ingest</c>
/// fills), timed one by one, against the goals of all of them together within 60 seconds and the process's
/// peak memory (snapshot load included) within 8 GiB.
/// </summary>
internal static class DetectBenchmark
{
    private const double GoalSeconds = 60;

    private const double GoalGiB = 8;

    public static Command Create()
    {
        var json = JsonOutput.Option();
        var command = new Command("detect", $"Time every detector on the world in '{IngestBenchmark.BenchDatabase}' (run 'graphguard-bench ingest' first)") { json };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = NpgsqlDataSource.Create(await DatabaseConnector.ResolveAsync(IngestBenchmark.BenchDatabase, ct));
            var clock = Stopwatch.StartNew();
            var input = await DetectionInputReader.ReadAsync(dataSource, SnapshotWindow.All, ct);
            using (input.Graph)
            {
                var load = clock.Elapsed;
                if (input.Accounts.Count == 0)
                {
                    throw new InvalidOperationException($"the database '{IngestBenchmark.BenchDatabase}' holds no accounts: run 'graphguard-bench ingest' first");
                }
                var report = CoordinationDetection.Run(input, new DetectionOptions());
                var detectors = report.Timings.Sum(t => t.Elapsed.TotalSeconds);
                var peakGiB = Process.GetCurrentProcess().PeakWorkingSet64 / (double)(1L << 30);
                var result = new
                {
                    accounts = input.Accounts.Count,
                    edges = input.Graph.EdgeCount,
                    content_items = input.Content.Count,
                    load_seconds = Math.Round(load.TotalSeconds, 2),
                    steps = report.Timings.Select(t => new { step = t.Step, seconds = Math.Round(t.Elapsed.TotalSeconds, 2) }),
                    detectors_seconds = Math.Round(detectors, 2),
                    goal_seconds = GoalSeconds,
                    peak_memory_gib = Math.Round(peakGiB, 2),
                    goal_memory_gib = GoalGiB,
                    clusters = report.Clusters.Count,
                    flagged_accounts = report.Clusters.SelectMany(c => c.Members).Distinct().Count(),
                    machine = $"{Environment.ProcessorCount} cores",
                };
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(result);
                    return 0;
                }
                AnsiConsole.MarkupLine($"world: {result.accounts:N0} accounts, {result.edges:N0} edges, {result.content_items:N0} texts; loaded in {result.load_seconds} s");
                var table = new Table().AddColumns("step", "seconds");
                foreach (var (step, elapsed) in report.Timings)
                {
                    table.AddRow(step, $"{elapsed.TotalSeconds:0.00}");
                }
                table.AddRow("[bold]all detectors[/]", $"[bold]{detectors:0.00}[/]");
                AnsiConsole.Write(table);
                var met = detectors <= GoalSeconds ? "[green]goal met[/]" : "[red]goal missed[/]";
                AnsiConsole.MarkupLine($"{result.clusters:N0} clusters, {result.flagged_accounts:N0} accounts flagged; goal: all detectors within {GoalSeconds} s: {met}");
                var fits = peakGiB <= GoalGiB ? "[green]goal met[/]" : "[red]goal missed[/]";
                AnsiConsole.MarkupLine($"peak memory {peakGiB:0.00} GiB (snapshot included); goal: within {GoalGiB} GiB: {fits}");
            }
            return 0;
        });
        return command;
    }
}
