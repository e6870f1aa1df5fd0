using GraphGuard.Storage.Detection;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// The coordination detectors over the snapshot: clusters with evidence (the run's detection run, for
/// analysts) and per-account detector features (the run's <c>detectors</c> feature run, for the model).
/// </summary>
internal sealed class DetectStage(RunCache cache) : IPipelineStage
{
    public string Name => "detect";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var snapshot = await cache.SnapshotAsync(context, ct).ConfigureAwait(false);
        var report = snapshot.Detect(new Forward(context.Progress));
        ct.ThrowIfCancellationRequested();
        context.Progress.Report("storing clusters");
        var detectionRun = await ClusterStore.ReplaceForPipelineRunAsync(context.DataSource, report, snapshot.Graph, snapshot.Accounts, snapshot.Window, context.RunId, ct).ConfigureAwait(false);
        cache.DetectorFeatures = report.Features;
        return new StageOutcome(report.Clusters.Count, new Dictionary<string, object?>
        {
            ["detection_run_id"] = detectionRun,
            ["clusters"] = report.Clusters.Count,
            ["members"] = report.Clusters.Sum(c => c.Members.Length),
            ["detector_features"] = report.Features.ColumnCount,
        });
    }

    private sealed class Forward(IProgress<string> progress) : IProgress<string>
    {
        public void Report(string value) => progress.Report($"detector: {value}");
    }
}
