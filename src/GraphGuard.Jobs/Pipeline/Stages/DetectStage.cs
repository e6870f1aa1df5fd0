using GraphGuard.Workflows.Detection;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// The coordination detectors over the snapshot: clusters with evidence in their campaigns (the run's detection
/// run, for analysts) and per-account detector features (the run's <c>detectors</c> feature run, for the model).
/// </summary>
internal sealed class DetectStage(RunCache cache) : IPipelineStage
{
    public string Name => "detect";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var snapshot = await cache.SnapshotAsync(context, ct).ConfigureAwait(false);
        var (stored, report) = await DetectionWorkflow.DetectAndStoreAsync(context.DataSource, snapshot, context.RunId, context.Progress, ct).ConfigureAwait(false);
        cache.DetectorFeatures = report.Features;
        return new StageOutcome(report.Clusters.Count, new Dictionary<string, object?>
        {
            ["detection_run_id"] = stored.RunId,
            ["clusters"] = report.Clusters.Count,
            ["members"] = report.Clusters.Sum(c => c.Members.Length),
            ["campaigns_continued"] = stored.ContinuedCampaigns,
            ["campaigns_new"] = stored.NewCampaigns,
            ["detector_features"] = report.Features.ColumnCount,
        });
    }
}
