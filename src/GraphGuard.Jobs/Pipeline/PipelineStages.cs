using GraphGuard.Jobs.Pipeline.Stages;
using GraphGuard.Workflows.Content;

namespace GraphGuard.Jobs.Pipeline;

/// <summary>The pipeline's eight stages, in order: content, snapshot, graph_features, detect, embeddings, train, score, publish.</summary>
public static class PipelineStages
{
    /// <summary><c>feature_runs.kind</c> of the graph features within a pipeline run.</summary>
    public const string GraphFeaturesKind = "graph";

    /// <summary>
    /// A fresh set of the stages for one <see cref="PipelineRunner"/>. They share an in-process cache of the
    /// run (snapshot, features, model); give each concurrent runner its own set.
    /// </summary>
    /// <param name="contentModels">Where <c>graphguard content train</c> saved the text classifiers.</param>
    public static IReadOnlyList<IPipelineStage> All(string? contentModels = null)
    {
        var cache = new RunCache();
        return
        [
            new ContentStage(contentModels ?? ContentModelTraining.DefaultFolder),
            new SnapshotStage(cache),
            new GraphFeaturesStage(cache),
            new DetectStage(cache),
            new EmbeddingsStage(cache),
            new TrainStage(cache),
            new ScoreStage(cache),
            new PublishStage(cache),
        ];
    }

    /// <summary>The stages' names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["content", "snapshot", "graph_features", "detect", "embeddings", "train", "score", "publish"];
}
