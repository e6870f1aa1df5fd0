using GraphGuard.Storage.Features;
using GraphGuard.Workflows.Features;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>Per-account graph features of the snapshot (<see cref="LabelBlindSnapshot.GraphFeatures"/>), stored as the run's <c>graph</c> feature run.</summary>
internal sealed class GraphFeaturesStage(RunCache cache) : IPipelineStage
{
    public string Name => "graph_features";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var snapshot = await cache.SnapshotAsync(context, ct).ConfigureAwait(false);
        context.Progress.Report("computing graph features");
        var features = snapshot.GraphFeatures();
        ct.ThrowIfCancellationRequested();
        context.Progress.Report("storing graph features");
        var featureRun = await FeatureStore.ReplaceForPipelineRunAsync(context.DataSource, features, snapshot.Window, context.RunId, PipelineStages.GraphFeaturesKind, ct).ConfigureAwait(false);
        cache.GraphFeatures = features;
        return new StageOutcome(features.RowCount, new Dictionary<string, object?>
        {
            ["feature_run_id"] = featureRun,
            ["columns"] = features.ColumnCount,
        });
    }
}
