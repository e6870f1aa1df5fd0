using GraphGuard.Storage.Drift;
using GraphGuard.Storage.Review;
using Npgsql;

namespace GraphGuard.Api.Snapshot;

/// <summary>What <c>/metrics</c> says about the published run's feedback loop: measured precision, drift, and its review queue's progress.</summary>
/// <param name="Precision">Per band and at each band's threshold.</param>
/// <param name="Drift">Its drift report, or null when the run has none.</param>
/// <param name="QueueItems">Items of its review queue.</param>
/// <param name="QueueDecided">Of those, the ones with a standing decision.</param>
internal sealed record FeedbackSnapshot(RunPrecision Precision, DriftReport? Drift, int QueueItems, int QueueDecided)
{
    /// <summary>Reads the run's precision (at each band's threshold), drift and review progress.</summary>
    public static async Task<FeedbackSnapshot> LoadAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct)
    {
        var precision = await RunPrecisionQuery.ReadAsync(dataSource, runId, [], ct).ConfigureAwait(false);
        var drift = await DriftStore.ReadAsync(dataSource, runId, ct).ConfigureAwait(false);
        var (items, decided) = await ReviewQueueStore.ProgressAsync(dataSource, runId, ct).ConfigureAwait(false);
        return new FeedbackSnapshot(precision, drift, items, decided);
    }
}
