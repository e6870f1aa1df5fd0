using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Torch.Sage;

/// <summary>
/// Trains the relation-aware GraphSAGE of <see cref="GraphSageTrainer"/> on libtorch, on the CPU or a CUDA device.
/// The training loop is the hand-written engine's own (<see cref="SageTrainingRun"/>), so options, objectives,
/// initial weights, shuffles, neighbour samples, negatives, validation and early stopping are the same; only the
/// batch steps differ (<see cref="TorchBatchSteps"/>; dropout masks come from libtorch's generator, seeded per
/// batch). The same <see cref="SageModel"/> comes out: save, load and embed it with either engine.
/// </summary>
public static class TorchSageTrainer
{
    /// <summary>Trains a model; on the CPU the same inputs and seed give the same parameters.</summary>
    /// <param name="graph">Relations over nodes 0..n-1.</param>
    /// <param name="features">n × d input features, row-major, all finite.</param>
    /// <param name="supervision">Labeled nodes for the supervised objective; null trains link prediction.</param>
    /// <param name="options">Architecture and training settings; validated first.</param>
    /// <param name="device">"auto" (CUDA when present), "cpu" or "cuda[:N]".</param>
    /// <param name="progress">Receives each epoch's loss, validation metrics and duration.</param>
    /// <param name="cancellationToken">Checked between mini-batches.</param>
    /// <returns>The trained model; with validation, the parameters of the epoch with the best validation AUROC.</returns>
    public static SageModel Train(
        SageGraph graph,
        float[] features,
        SageSupervision? supervision,
        SageOptions options,
        string device = "auto",
        IProgress<SageEpoch>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        supervision?.Validate(graph.NodeCount);
        GraphSageTrainer.RequireFeatures(graph.NodeCount, features);
        TorchRuntime.UseThreads(options.MaxDegreeOfParallelism);
        var target = TorchRuntime.Device(device);
        using var run = new SageTrainingRun(graph, features, supervision, options, architecture => new TorchBatchSteps(graph, features, architecture, options, target));
        return run.Run(progress, cancellationToken);
    }
}
