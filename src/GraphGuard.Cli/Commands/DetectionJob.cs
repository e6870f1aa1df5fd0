using System.Diagnostics;
using GraphGuard.Core.Detection;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary>Snapshot, detect, store: what <c>detect</c> and <c>eval detect</c> run, with a line of progress per step.</summary>
internal static class DetectionJob
{
    public sealed record Outcome(int RunId, DetectionReport Report, TimeSpan LoadTime, TimeSpan TotalTime);

    public static async Task<Outcome> RunAsync(NpgsqlDataSource dataSource, SnapshotWindow window, bool showProgress, CancellationToken ct)
    {
        if (!showProgress || Console.IsOutputRedirected)
        {
            return await RunAsync(dataSource, window, _ => { }, ct);
        }
        Outcome outcome = null!;
        await AnsiConsole.Status().StartAsync("loading the snapshot", async context =>
            outcome = await RunAsync(dataSource, window, step => context.Status(step), ct));
        return outcome;
    }

    private static async Task<Outcome> RunAsync(NpgsqlDataSource dataSource, SnapshotWindow window, Action<string> step, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var input = await DetectionInputReader.ReadAsync(dataSource, window, ct);
        using (input.Graph)
        {
            var loadTime = clock.Elapsed;
            if (input.Accounts.Count == 0)
            {
                throw new InvalidOperationException("the window holds no accounts: ingest data first, or widen --from/--to");
            }
            var report = CoordinationDetection.Run(input, new DetectionOptions(), new SynchronousProgress<string>(name => step($"detector: {name}")));
            step("storing clusters");
            var runId = await ClusterStore.WriteAsync(dataSource, report, input.Graph, input.Accounts, window, ct);
            return new Outcome(runId, report, loadTime, clock.Elapsed);
        }
    }
}
