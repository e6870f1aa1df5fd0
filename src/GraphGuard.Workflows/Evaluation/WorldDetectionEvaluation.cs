using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Detection;
using Npgsql;

namespace GraphGuard.Workflows.Evaluation;

/// <summary><c>eval detect</c>: detection on a generated world's database, scored per planted pattern against its truth.</summary>
public static class WorldDetectionEvaluation
{
    /// <param name="Card">The flagged clusters scored.</param>
    /// <param name="Detection">The detection run.</param>
    /// <param name="World">The world's truth beside the run's candidates, to decide again with other thresholds.</param>
    public sealed record Outcome(Core.Detection.DetectionScorecard Card, DetectionWorkflow.Outcome Detection, ScoredWorld World);

    public static async Task<Outcome> RunAsync(NpgsqlDataSource dataSource, string dir, Action<string> step, CancellationToken ct = default)
    {
        var truth = ScoredWorld.ReadTruth(dir);
        var detection = await DetectionWorkflow.RunAsync(dataSource, SnapshotWindow.All, step, ct).ConfigureAwait(false);
        var world = await ScoredWorld.LoadAsync(dataSource, truth, detection.Report, ct).ConfigureAwait(false);
        return new Outcome(world.Score([.. detection.Report.Clusters.Select(c => c.Members)]), detection, world);
    }
}
