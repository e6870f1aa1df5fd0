using System.Diagnostics;
using GraphGuard.Core.Detection;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Features;
using Npgsql;

namespace GraphGuard.Workflows.Detection;

/// <summary>
/// Detect and store, once for everybody: <c>detect</c> and <c>eval detect</c> (<see cref="RunAsync"/>) and the
/// pipeline's detect stage (<see cref="DetectAndStoreAsync"/>) all store a run's clusters in their campaigns this way.
/// </summary>
public static class DetectionWorkflow
{
    public sealed record Outcome(StoredDetectionRun Stored, DetectionReport Report, TimeSpan LoadTime, TimeSpan TotalTime)
    {
        public int RunId => Stored.RunId;
    }

    /// <summary>Snapshot of <paramref name="window"/>, detect, store as a new detection run.</summary>
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
        var (stored, report) = await DetectAndStoreAsync(dataSource, snapshot, null, new Progress.SynchronousProgress<string>(step), ct).ConfigureAwait(false);
        return new Outcome(stored, report, loadTime, clock.Elapsed);
    }

    /// <summary>
    /// Every detector over <paramref name="snapshot"/>; the clusters stored as a new detection run, or as the
    /// detection run of <paramref name="pipelineRunId"/> (replacing the one it had), each in its campaign.
    /// </summary>
    public static async Task<(StoredDetectionRun Stored, DetectionReport Report)> DetectAndStoreAsync(NpgsqlDataSource dataSource, LabelBlindSnapshot snapshot,
        long? pipelineRunId, IProgress<string> progress, CancellationToken ct = default)
    {
        var report = snapshot.Detect(new Progress.SynchronousProgress<string>(name => progress.Report($"detector: {name}")));
        ct.ThrowIfCancellationRequested();
        progress.Report("storing clusters");
        var stored = pipelineRunId is { } run
            ? await ClusterStore.ReplaceForPipelineRunAsync(dataSource, report, snapshot.Graph, snapshot.Accounts, snapshot.Window, run, ct).ConfigureAwait(false)
            : await ClusterStore.WriteAsync(dataSource, report, snapshot.Graph, snapshot.Accounts, snapshot.Window, ct).ConfigureAwait(false);
        return (stored, report);
    }
}
