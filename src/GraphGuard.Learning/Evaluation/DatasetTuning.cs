using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// Chooses the XGBGraph settings on the validation splits alone (the test rows are never scored here), greedily
/// in two stages: first the neighbour statistics under the reference's booster settings, then the booster
/// settings under the best statistics. The candidate with the best mean validation AUPRC wins; its settings are
/// what <see cref="DatasetEvaluationOptions"/> defaults to.
/// </summary>
public static class DatasetTuning
{
    private static readonly XgboostTrainingOptions Reference = new DatasetEvaluationOptions().Reference;

    /// <summary>Stage one: which neighbour statistics, beside the reference's mean, max and degree.</summary>
    public static IReadOnlyList<TuningCandidate> AggregationCandidates { get; } =
    [
        new("mean/max/degree", NeighborStatistics.Reference, Reference),
        new("+diff", NeighborStatistics.Reference | NeighborStatistics.DifferenceFromMean, Reference),
        new("+min/std/mean2", NeighborStatistics.Reference | Wider, Reference),
        new("+min/std/mean2/diff", NeighborStatistics.Reference | Wider | NeighborStatistics.DifferenceFromMean, Reference),
    ];

    /// <summary>Stage two: more rounds at a lower learning rate, with and without row and column sampling.</summary>
    public static IReadOnlyList<(string Name, XgboostTrainingOptions Options)> BoosterCandidates { get; } =
    [
        ("eta 0.05, 2000 rounds, patience 100", Booster(0.05, 2000, 100)),
        ("eta 0.02, 4000 rounds, patience 200", Booster(0.02, 4000, 200)),
        ("eta 0.02, 4000 rounds, patience 200, subsample 0.8, colsample 0.5", Booster(0.02, 4000, 200, subsample: 0.8, columns: 0.5)),
    ];

    private const NeighborStatistics Wider = NeighborStatistics.Min | NeighborStatistics.StandardDeviation | NeighborStatistics.TwoHopMean;

    /// <summary>Scores every candidate of both stages on the validation rows; the best by mean AUPRC is <c>Chosen</c>.</summary>
    public static (IReadOnlyList<EvaluationRow> Rows, TuningCandidate Chosen) Run(
        LabeledGraph data, int seeds, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seeds);
        var scored = new List<(EvaluationRow Row, TuningCandidate Candidate)>();
        foreach (var candidate in AggregationCandidates)
        {
            scored.Add((Score(data, candidate, seeds, progress, cancellationToken), candidate));
        }
        var winner = Best(scored);
        foreach (var (name, options) in BoosterCandidates)
        {
            var candidate = new TuningCandidate($"{winner.Name}, {name}", winner.Aggregation, options);
            scored.Add((Score(data, candidate, seeds, progress, cancellationToken), candidate));
        }
        return ([.. scored.Select(s => s.Row)], Best(scored));
    }

    private static TuningCandidate Best(List<(EvaluationRow Row, TuningCandidate Candidate)> scored) =>
        scored.MaxBy(s => s.Row.Auprc.Mean).Candidate;

    private static EvaluationRow Score(LabeledGraph data, TuningCandidate candidate, int seeds, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var features = DatasetEvaluation.WithAggregates(data, candidate.Aggregation);
        var row = new RowRecorder(candidate.Name, "validation", onValidation: true);
        for (var seed = 0; seed < seeds; seed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var split = DataSplit.Stratified(data.Labels, seed);
            var options = DatasetEvaluation.WithSeed(candidate.Xgboost, seed);
            row.Record(split, data.Labels, () => XgboostScoring.TrainAndScore(features, data.Labels, split, options));
            progress?.Report(row.LastLine(seed, seeds));
        }
        return row.ToRow();
    }

    private static XgboostTrainingOptions Booster(double learningRate, int rounds, int patience, double subsample = 1, double columns = 1) => new()
    {
        Parameters = new XgboostParameters { LearningRate = learningRate, MaxDepth = 6, Subsample = subsample, ColumnSampleByTree = columns },
        Rounds = rounds,
        EarlyStoppingRounds = patience,
    };
}
