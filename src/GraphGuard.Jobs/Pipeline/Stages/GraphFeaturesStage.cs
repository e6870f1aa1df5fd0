using GraphGuard.Core.Features;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Features;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>Per-account graph features of the snapshot, stored as the run's <c>graph</c> feature run.</summary>
internal sealed class GraphFeaturesStage(RunCache cache) : IPipelineStage
{
    public string Name => "graph_features";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var (input, window) = await cache.SnapshotAsync(context, ct).ConfigureAwait(false);
        context.Progress.Report("computing graph features");
        FeatureMatrix features;
        using (var projection = SharedContextProjection.Build(input.Graph, new ProjectionOptions()))
        {
            // Trust seeds are left out, as in graphguard train: features never start from labels.
            features = GraphFeatures.Compute(input.Graph, projection, input.CreatedAt, window.To!.Value, []);
        }
        ct.ThrowIfCancellationRequested();
        context.Progress.Report("storing graph features");
        var featureRun = await FeatureStore.ReplaceForPipelineRunAsync(context.DataSource, features, window, context.RunId, PipelineStages.GraphFeaturesKind, ct).ConfigureAwait(false);
        cache.GraphFeatures = features;
        return new StageOutcome(features.RowCount, new Dictionary<string, object?>
        {
            ["feature_run_id"] = featureRun,
            ["columns"] = features.ColumnCount,
        });
    }
}
