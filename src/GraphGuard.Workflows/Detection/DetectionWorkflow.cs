using System.Diagnostics;
using GraphGuard.Core.Detection;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Features;
using Npgsql;

namespace GraphGuard.Workflows.Detection;

/// <summary>Snapshot, detect, store as a new detection run: what <c>detect</c> and <c>eval detect</c> run.</summary>
public static class DetectionWorkflow
{
    public sealed record Outcome(int RunId, DetectionReport Report, TimeSpan LoadTime, TimeSpan TotalTime);

    /// <param name="dataSource">The store.</param>
    /// <param name="window">Events to read.</param>
    /// <param name="step">Told each step as it starts (the snapshot, each detector, storing).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<Outcome> RunAsync(NpgsqlDataSource dataSource, SnapshotWindow window, Action<string> step, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        using var snapshot = await FeaturePolicy.LoadAsync(dataSource, window, ct).ConfigureAwait(false);
        var loadTime = clock.Elapsed;
        if (snapshot.Accounts.Count == 0)
        {
            throw new InvalidOperationException("the window holds no accounts: ingest data first, or widen --from/--to");
        }
        var report = snapshot.Detect(new Progress.SynchronousProgress<string>(name => step($"detector: {name}")));
        step("storing clusters");
        var runId = await ClusterStore.WriteAsync(dataSource, report, snapshot.Graph, snapshot.Accounts, window, ct).ConfigureAwait(false);
        return new Outcome(runId, report, loadTime, clock.Elapsed);
    }
}
