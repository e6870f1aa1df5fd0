using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Tensors;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphGuard.Learning.Torch.Sage;

/// <summary>
/// The libtorch engine's batch steps: the same <see cref="NeighborSampler"/> builds each batch on the host, then
/// the forward pass (<see cref="TorchSageNetwork"/>), the loss, autograd's backward and libtorch's Adam (coupled
/// L2 decay on weights only, as ours) run on the device. Each batch's tensors live in a dispose scope.
/// </summary>
internal sealed class TorchBatchSteps : ISageBatchSteps
{
    private readonly Device _device;
    private readonly SageArchitecture _architecture;
    private readonly double _dropout;
    private readonly TorchSageNetwork _network;
    private readonly Tensor _features;
    private readonly Adam _adam;
    private readonly NeighborSampler _sampler;
    private readonly SampledBatch _batch;

    public TorchBatchSteps(SageGraph graph, float[] features, SageArchitecture architecture, SageOptions options, Device device)
    {
        _device = device;
        _architecture = architecture;
        _dropout = options.Dropout;
        // The same Glorot draw as the hand-written engine, so both start from identical weights.
        _network = new TorchSageNetwork(architecture, new SageParameterLayout(architecture).Initialize(options.Seed), device);
        _features = torch.tensor(features, [graph.NodeCount, architecture.FeatureCount], device: device);
        _adam = optim.Adam(
            [
                new Adam.ParamGroup(_network.Weights, new Adam.Options { LearningRate = options.LearningRate, weight_decay = options.WeightDecay }),
                new Adam.ParamGroup(_network.Biases, new Adam.Options { LearningRate = options.LearningRate, weight_decay = 0 }),
            ],
            lr: options.LearningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8);
        _sampler = new NeighborSampler(graph, options.FanOuts, options.MaxDegreeOfParallelism);
        _batch = new SampledBatch(architecture.LayerCount, architecture.RelationCount);
    }

    public double SupervisedStep(ReadOnlySpan<int> targets, ReadOnlySpan<bool> labels, float positiveWeight, ulong seed)
    {
        using var scope = NewDisposeScope();
        var logits = _network.Classify(Embeddings(targets, seed, training: true));
        var truth = new float[labels.Length];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = labels[i] ? 1f : 0f;
        }
        // Mean of softplus terms with positives weighted: LogisticLoss's loss, as libtorch writes it.
        var loss = nn.functional.binary_cross_entropy_with_logits(
            logits, torch.tensor(truth, device: _device), pos_weights: torch.tensor(positiveWeight, device: _device));
        return Step(loss);
    }

    public double LinkPredictionStep(ReadOnlySpan<int> targets, int pairs, int negatives, ulong seed)
    {
        using var scope = NewDisposeScope();
        var z = Embeddings(targets, seed, training: true);
        var anchors = z.narrow(0, 0, pairs);
        var positive = (anchors * z.narrow(0, pairs, pairs)).sum(1);
        var negative = (anchors.unsqueeze(1) * z.narrow(0, 2 * pairs, pairs * negatives).view(pairs, negatives, -1)).sum(2);
        // -log σ(z_u·z_v) - Σ_k log σ(-z_u·z_nk), averaged over pairs: LinkPredictionLoss (Hamilton et al. 2017, eq. 1).
        var loss = (-nn.functional.logsigmoid(positive) - nn.functional.logsigmoid(-negative).sum(1)).mean();
        return Step(loss);
    }

    public void Logits(ReadOnlySpan<int> nodes, ulong seed, Span<float> logits)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        _network.Classify(Embeddings(nodes, seed, training: false)).cpu().data<float>().CopyTo(logits);
    }

    public float[] Snapshot() => _network.Snapshot();

    public void Dispose()
    {
        _adam.Dispose();
        _features.Dispose();
        _network.Dispose();
    }

    /// <summary>Backward and one Adam step; returns the batch loss.</summary>
    private double Step(Tensor loss)
    {
        _adam.zero_grad();
        loss.backward();
        _adam.step();
        return loss.item<float>();
    }

    /// <summary>Embeddings of the targets, one row per requested position (duplicates repeat their row).</summary>
    private Tensor Embeddings(ReadOnlySpan<int> targets, ulong seed, bool training)
    {
        _sampler.Sample(targets, SplitMix.Combine(seed, SageStreams.Sampling), _batch);
        if (training && _dropout > 0)
        {
            torch.random.manual_seed((long)SplitMix.Combine(seed, SageStreams.Dropout));
        }
        var h = _features.index_select(0, Index(_batch.Nodes(0).Span));
        for (var l = 1; l <= _architecture.LayerCount; l++)
        {
            var means = _batch.Blocks(l).Select(b => TorchMeans.FromBlock(b, _batch.LevelSize(l - 1), _device)).ToArray();
            h = _network.Activate(l, _network.Layer(l, h, _batch.LevelSize(l), means), training, _dropout);
        }
        return h.index_select(0, Index(_batch.TargetRows));
    }

    private Tensor Index(ReadOnlySpan<int> values)
    {
        var longs = new long[values.Length];
        for (var i = 0; i < longs.Length; i++)
        {
            longs[i] = values[i];
        }
        return torch.tensor(longs, dtype: ScalarType.Int64, device: _device);
    }
}
