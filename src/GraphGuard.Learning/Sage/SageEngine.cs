namespace GraphGuard.Learning.Sage;

/// <summary>
/// An implementation of GraphSAGE: how a model is trained and how every node is embedded. Both engines share the
/// training loop, the sampler and <see cref="SageModel"/>, so a model from one embeds with the other.
/// <see cref="HandWritten"/> (TensorPrimitives, CPU) is the engine the product runs; the libtorch engine in
/// GraphGuard.Learning.Torch exists for the side-by-side measurement of issue 18 (docs/benchmarks.md).
/// </summary>
public abstract class SageEngine
{
    /// <summary>GraphSAGE on our own kernels (<see cref="GraphSageTrainer"/>, <see cref="SageModel.Embed(SageGraph, float[], SageInferenceOptions?)"/>).</summary>
    public static SageEngine HandWritten { get; } = new HandWrittenSageEngine();

    /// <summary>A short name for reports.</summary>
    public abstract string Name { get; }

    /// <summary>Trains a model, as <see cref="GraphSageTrainer.Train(SageGraph, float[], SageSupervision?, SageOptions, IProgress{SageEpoch}?, CancellationToken)"/>.</summary>
    public abstract SageModel Train(SageGraph graph, float[] features, SageSupervision? supervision, SageOptions options, IProgress<SageEpoch>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Embeds every node with <paramref name="model"/>: row v is node v's embedding.</summary>
    public abstract float[] Embed(SageModel model, SageGraph graph, float[] features, CancellationToken cancellationToken = default);

    /// <summary>The logistic head's probability for every node (a supervised model).</summary>
    public float[] PredictProbabilities(SageModel model, SageGraph graph, float[] features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.ProbabilitiesOf(Embed(model, graph, features, cancellationToken));
    }

    public override string ToString() => Name;

    private sealed class HandWrittenSageEngine : SageEngine
    {
        public override string Name => "hand-written";

        public override SageModel Train(SageGraph graph, float[] features, SageSupervision? supervision, SageOptions options, IProgress<SageEpoch>? progress = null, CancellationToken cancellationToken = default) =>
            GraphSageTrainer.Train(graph, features, supervision, options, progress, cancellationToken);

        public override float[] Embed(SageModel model, SageGraph graph, float[] features, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(model);
            return model.Embed(graph, features, new SageInferenceOptions { CancellationToken = cancellationToken });
        }
    }
}
