using System.Diagnostics;
using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// One training run: the epoch loop, validation and early stopping around the per-objective steps in
/// <c>SageTrainingRun.Objectives.cs</c>. Batches run one after another, each parallel inside its kernels;
/// every random choice derives from the seed, the epoch and the batch index, so a seed fixes the result.
/// </summary>
internal sealed partial class SageTrainingRun : IDisposable
{
    private readonly SageGraph _graph;
    private readonly float[] _features;
    private readonly SageSupervision? _supervision;
    private readonly SageOptions _options;
    private readonly ITensorBackend _backend;
    private readonly SageArchitecture _architecture;
    private readonly SageNetwork _network;
    private readonly AdamOptimizer _adam;
    private readonly NeighborSampler _sampler;
    private readonly SampledBatch _batch;

    /// <summary>Supervised: positions into the training arrays; unsupervised: nodes with at least one edge.</summary>
    private readonly int[] _order;
    private readonly float _positiveWeight;
    private int[] _targets = [];
    private bool[] _labels = [];
    private float[] _hostOutput = [];
    private float[] _hostGradient = [];

    public SageTrainingRun(SageGraph graph, float[] features, SageSupervision? supervision, SageOptions options, ITensorBackend backend)
    {
        _graph = graph;
        _features = features;
        _supervision = supervision;
        _options = options;
        _backend = backend;
        var names = graph.Relations.Select(r => r.Name).ToArray();
        var featureCount = graph.NodeCount == 0 ? 0 : features.Length / graph.NodeCount;
        _architecture = new SageArchitecture(featureCount, names, [.. options.HiddenDims], options.NormalizeEmbeddings, supervision is not null);
        _network = new SageNetwork(backend, _architecture, options.Dropout);
        var initial = _network.Layout.Initialize(options.Seed);
        backend.Upload(initial, _network.Parameters.Matrix(0, 1, initial.Length));
        _adam = new AdamOptimizer(backend, _network.Layout, options.LearningRate, options.WeightDecay);
        _sampler = new NeighborSampler(graph, options.FanOuts, options.MaxDegreeOfParallelism);
        _batch = new SampledBatch(_architecture.LayerCount, _architecture.RelationCount);
        if (supervision is null)
        {
            _order = [.. Enumerable.Range(0, graph.NodeCount).Where(v => graph.TotalDegree(v) > 0)];
            if (_order.Length == 0 && options.Epochs > 0)
            {
                throw new ArgumentException("the unsupervised objective needs edges, and no relation has any", nameof(graph));
            }
        }
        else
        {
            _order = [.. Enumerable.Range(0, supervision.TrainNodes.Length)];
            var positives = supervision.TrainLabels.Count(y => y);
            var negatives = supervision.TrainLabels.Length - positives;
            _positiveWeight = options.PositiveClassWeight ?? (positives == 0 || negatives == 0 ? 1f : (float)negatives / positives);
        }
    }

    public SageModel Run(IProgress<SageEpoch>? progress, CancellationToken cancellationToken)
    {
        var history = new List<SageEpoch>();
        float[]? best = null;
        var bestScore = double.NegativeInfinity;
        var bestEpoch = 0;
        for (var epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var (loss, batches, targets) = _supervision is null ? LinkPredictionEpoch(epoch, cancellationToken) : SupervisedEpoch(epoch, cancellationToken);
            var record = new SageEpoch(epoch, loss, watch.Elapsed, batches, targets);
            var stop = false;
            if (_supervision is { HasValidation: true })
            {
                var (validationLoss, auroc) = Validate(_supervision, cancellationToken);
                record = record with { ValidationLoss = validationLoss, ValidationAuroc = auroc };
                // A validation set with one class has no AUROC; the loss then picks the epoch.
                var score = double.IsNaN(auroc) ? -validationLoss : auroc;
                if (score > bestScore)
                {
                    (bestScore, bestEpoch, best) = (score, epoch, Snapshot());
                }
                stop = _options.Patience > 0 && epoch - bestEpoch >= _options.Patience;
            }
            history.Add(record);
            progress?.Report(record);
            if (stop)
            {
                break;
            }
        }
        return new SageModel(_architecture, best ?? Snapshot(), history);
    }

    public void Dispose()
    {
        _network.Dispose();
        _adam.Dispose();
    }

    private float[] Snapshot()
    {
        var values = new float[_network.Layout.Count];
        _backend.Download(_network.Parameters.Matrix(0, 1, values.Length), values);
        return values;
    }

    /// <summary>Runs backward from the host gradient of the last forward pass and takes one Adam step.</summary>
    private void Learn(ReadOnlySpan<float> gradient, bool throughClassifier)
    {
        _network.Backward(_batch, gradient, throughClassifier);
        _adam.Step(_network.Parameters, _network.Gradients);
    }

    private void BeginStep() => _backend.Fill(_network.Gradients.Matrix(0, 1, _network.Layout.Count), 0f);

    /// <summary>The seed of batch <paramref name="batch"/> of epoch <paramref name="epoch"/>.</summary>
    private ulong BatchSeed(int epoch, int batch) => SplitMix.Combine(SplitMix.Combine(_options.Seed, (ulong)epoch), (ulong)batch);

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

    private Span<int> Targets(int count)
    {
        if (_targets.Length < count)
        {
            _targets = new int[count];
            _labels = new bool[count];
        }
        return _targets.AsSpan(0, count);
    }
}
