using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// The hand-written engine's batch steps: <see cref="NeighborSampler"/> builds the batch, <see cref="SageNetwork"/>
/// runs forward and its hand-derived backward on an <see cref="ITensorBackend"/>, the losses are computed on the
/// host (<see cref="LogisticLoss"/>, <see cref="LinkPredictionLoss"/>), and <see cref="AdamOptimizer"/> steps.
/// </summary>
internal sealed class BackendBatchSteps : ISageBatchSteps
{
    private readonly float[] _features;
    private readonly ITensorBackend _backend;
    private readonly SageArchitecture _architecture;
    private readonly SageNetwork _network;
    private readonly AdamOptimizer _adam;
    private readonly NeighborSampler _sampler;
    private readonly SampledBatch _batch;
    private float[] _hostOutput = [];
    private float[] _hostGradient = [];

    public BackendBatchSteps(SageGraph graph, float[] features, SageArchitecture architecture, SageOptions options, ITensorBackend backend)
    {
        _features = features;
        _backend = backend;
        _architecture = architecture;
        _network = new SageNetwork(backend, architecture, options.Dropout);
        var initial = _network.Layout.Initialize(options.Seed);
        backend.Upload(initial, _network.Parameters.Matrix(0, 1, initial.Length));
        _adam = new AdamOptimizer(backend, _network.Layout, options.LearningRate, options.WeightDecay);
        _sampler = new NeighborSampler(graph, options.FanOuts, options.MaxDegreeOfParallelism);
        _batch = new SampledBatch(architecture.LayerCount, architecture.RelationCount);
    }

    public double SupervisedStep(ReadOnlySpan<int> targets, ReadOnlySpan<bool> labels, float positiveWeight, ulong seed)
    {
        BeginStep();
        var (logits, gradient) = ToHost(_network.Classify(Embeddings(targets, seed, training: true)));
        var loss = LogisticLoss.Evaluate(logits, _batch.TargetRows, labels, positiveWeight, gradient.AsSpan(0, _batch.TargetLevelSize));
        Learn(gradient.AsSpan(0, _batch.TargetLevelSize), throughClassifier: true);
        return loss;
    }

    public double LinkPredictionStep(ReadOnlySpan<int> targets, int pairs, int negatives, ulong seed)
    {
        BeginStep();
        var (z, gradient) = ToHost(Embeddings(targets, seed, training: true));
        var length = _batch.TargetLevelSize * _architecture.EmbeddingDimension;
        var loss = LinkPredictionLoss.Evaluate(z.AsSpan(0, length), _architecture.EmbeddingDimension, _batch.TargetRows, pairs, negatives, gradient.AsSpan(0, length));
        Learn(gradient.AsSpan(0, length), throughClassifier: false);
        return loss;
    }

    public void Logits(ReadOnlySpan<int> nodes, ulong seed, Span<float> logits)
    {
        var (values, _) = ToHost(_network.Classify(Embeddings(nodes, seed, training: false)));
        var rows = _batch.TargetRows;
        for (var i = 0; i < nodes.Length; i++)
        {
            logits[i] = values[rows[i]];
        }
    }

    public float[] Snapshot()
    {
        var values = new float[_network.Layout.Count];
        _backend.Download(_network.Parameters.Matrix(0, 1, values.Length), values);
        return values;
    }

    public void Dispose()
    {
        _network.Dispose();
        _adam.Dispose();
    }

    private void BeginStep() => _backend.Fill(_network.Gradients.Matrix(0, 1, _network.Layout.Count), 0f);

    /// <summary>Runs backward from the host gradient of the last forward pass and takes one Adam step.</summary>
    private void Learn(ReadOnlySpan<float> gradient, bool throughClassifier)
    {
        _network.Backward(_batch, gradient, throughClassifier);
        _adam.Step(_network.Parameters, _network.Gradients);
    }

    /// <summary>Samples the batch's computation graph and runs the layers, each on its own stream of the batch seed.</summary>
    private MatrixView Embeddings(ReadOnlySpan<int> targets, ulong seed, bool training)
    {
        _sampler.Sample(targets, SplitMix.Combine(seed, SageStreams.Sampling), _batch);
        return _network.Forward(_batch, _features, training, SplitMix.Combine(seed, SageStreams.Dropout));
    }

    /// <summary>Downloads a view into the reused host buffer and sizes the gradient buffer to match.</summary>
    private (float[] Output, float[] Gradient) ToHost(MatrixView view)
    {
        var length = (int)view.Length;
        if (_hostOutput.Length < length)
        {
            _hostOutput = new float[length];
            _hostGradient = new float[length];
        }
        _backend.Download(view, _hostOutput.AsSpan(0, length));
        return (_hostOutput, _hostGradient);
    }
}
