using GraphGuard.Core.Detection;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Detection;
using Npgsql;

namespace GraphGuard.Workflows.Evaluation;

/// <summary><c>eval detect</c>: detection on a generated world's database, scored per planted pattern against its truth.</summary>
public static class WorldDetectionEvaluation
{
    public sealed record Outcome(DetectionScorecard Card, DetectionWorkflow.Outcome Detection);

    public static async Task<Outcome> RunAsync(NpgsqlDataSource dataSource, string dir, Action<string> step, CancellationToken ct = default)
    {
        var truth = GroundTruth.ReadTruth(Path.Combine(dir, "truth.csv"));
        var lookalikes = GroundTruth.ReadLookalikes(Path.Combine(dir, "lookalikes.csv"));
        var detection = await DetectionWorkflow.RunAsync(dataSource, SnapshotWindow.All, step, ct).ConfigureAwait(false);
        var report = detection.Report;
        var names = await EntityNames.LoadAsync(dataSource, report.Clusters.SelectMany(c => c.Members).Select(a => report.Features.AccountIds[a]), ct).ConfigureAwait(false);
        var clusters = report.Clusters
            .Select(c => (IReadOnlyList<string>)[.. c.Members.Select(a => names.ExternalId(report.Features.AccountIds[a]))])
            .ToList();
        return new Outcome(DetectionEvaluation.Score(clusters, truth, lookalikes), detection);
    }
}
