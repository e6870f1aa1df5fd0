using System.Diagnostics;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// One training run: the epoch loop, validation and early stopping around an engine's batch steps
/// (<see cref="ISageBatchSteps"/>); the objectives' batching is in <c>SageTrainingRun.Objectives.cs</c>. Batches
/// run one after another; every random choice derives from the seed, the epoch and the batch index
/// (<see cref="SageStreams"/>), so a seed fixes the result.
/// </summary>
internal sealed partial class SageTrainingRun : IDisposable
{
    private readonly SageGraph _graph;
    private readonly SageSupervision? _supervision;
    private readonly SageOptions _options;
    private readonly ISageBatchSteps _steps;

    /// <summary>Supervised: positions into the training arrays; unsupervised: nodes with at least one edge.</summary>
    private readonly int[] _order;
    private readonly float _positiveWeight;
    private int[] _targets = [];
    private bool[] _labels = [];

    /// <param name="graph">The relations.</param>
    /// <param name="features">n × d features (only their width is read here).</param>
    /// <param name="supervision">Labels, or null for link prediction.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="engine">Makes the engine's batch steps for the run's architecture; the run disposes them.</param>
    public SageTrainingRun(SageGraph graph, float[] features, SageSupervision? supervision, SageOptions options, Func<SageArchitecture, ISageBatchSteps> engine)
    {
        _graph = graph;
        _supervision = supervision;
        _options = options;
        var names = graph.Relations.Select(r => r.Name).ToArray();
        var featureCount = graph.NodeCount == 0 ? 0 : features.Length / graph.NodeCount;
        Architecture = new SageArchitecture(featureCount, names, [.. options.HiddenDims], options.NormalizeEmbeddings, supervision is not null);
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
        _steps = engine(Architecture);
    }

    public SageArchitecture Architecture { get; }

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
                    (bestScore, bestEpoch, best) = (score, epoch, _steps.Snapshot());
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
        return new SageModel(Architecture, best ?? _steps.Snapshot(), history);
    }

    public void Dispose() => _steps.Dispose();

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
