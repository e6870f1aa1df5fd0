using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// Trains GraphSAGE on a heterogeneous graph: supervised (logistic head on labeled nodes) when labels are
/// given, else unsupervised (link prediction with negative sampling). See <see cref="SageOptions"/>.
/// </summary>
public static class GraphSageTrainer
{
    /// <summary>
    /// Trains a model. The same inputs and <see cref="SageOptions.Seed"/> give bit-identical parameters, and
    /// so embeddings, whatever the number of cores.
    /// </summary>
    /// <param name="graph">Relations over nodes 0..n-1.</param>
    /// <param name="features">n × d input features, row-major, all finite (impute and scale beforehand).</param>
    /// <param name="supervision">Labeled nodes for the supervised objective; null trains the unsupervised one.</param>
    /// <param name="options">Architecture and training settings; validated first.</param>
    /// <param name="progress">Receives each epoch's loss, validation metrics and duration.</param>
    /// <param name="cancellationToken">Checked between mini-batches.</param>
    /// <returns>The trained model; with validation, the parameters of the epoch with the best validation AUROC.</returns>
    /// <exception cref="ArgumentException">Options, features or labels do not fit the graph.</exception>
    public static SageModel Train(
        SageGraph graph,
        float[] features,
        SageSupervision? supervision,
        SageOptions options,
        IProgress<SageEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var backend = new CpuTensorBackend(options.MaxDegreeOfParallelism);
        return Train(graph, features, supervision, options, backend, progress, cancellationToken);
    }

    /// <summary>Trains on a given backend (tests, and a future GPU backend).</summary>
    internal static SageModel Train(
        SageGraph graph,
        float[] features,
        SageSupervision? supervision,
        SageOptions options,
        ITensorBackend backend,
        IProgress<SageEpoch>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        supervision?.Validate(graph.NodeCount);
        RequireFeatures(graph.NodeCount, features);
        using var run = new SageTrainingRun(graph, features, supervision, options, architecture => new BackendBatchSteps(graph, features, architecture, options, backend));
        return run.Run(progress, cancellationToken);
    }

    internal static void RequireFeatures(int nodeCount, float[] features)
    {
        if (nodeCount == 0 ? features.Length != 0 : features.Length == 0 || features.Length % nodeCount != 0)
        {
            throw new ArgumentException($"{features.Length} features do not make {nodeCount} equal rows", nameof(features));
        }
        for (var i = 0; i < features.Length; i++)
        {
            if (!float.IsFinite(features[i]))
            {
                throw new ArgumentException($"feature {i % (features.Length / nodeCount)} of node {i / (features.Length / nodeCount)} is {features[i]}; impute missing values first", nameof(features));
            }
        }
    }
}
