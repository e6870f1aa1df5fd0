using GraphGuard.Jobs.Pipeline.Stages;

namespace GraphGuard.Jobs.Pipeline;

/// <summary>The pipeline's ten stages, in order: snapshot, graph_features, detect, embeddings, train, score, release, review_queue, drift, publish.</summary>
public static class PipelineStages
{
    /// <summary><c>feature_runs.kind</c> of the graph features within a pipeline run.</summary>
    public const string GraphFeaturesKind = "graph";

    /// <summary>
    /// A fresh set of the stages for one <see cref="PipelineRunner"/>. They share an in-process cache of the
    /// run (snapshot, features, model); give each concurrent runner its own set.
    /// </summary>
    public static IReadOnlyList<IPipelineStage> All()
    {
        var cache = new RunCache();
        return
        [
            new SnapshotStage(cache),
            new GraphFeaturesStage(cache),
            new DetectStage(cache),
            new EmbeddingsStage(cache),
            new TrainStage(cache),
            new ScoreStage(cache),
            new ReleaseStage(cache),
            new ReviewQueueStage(),
            new DriftStage(cache),
            new PublishStage(cache),
        ];
    }

    /// <summary>The stages' names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["snapshot", "graph_features", "detect", "embeddings", "train", "score", "release", "review_queue", "drift", "publish"];
}
