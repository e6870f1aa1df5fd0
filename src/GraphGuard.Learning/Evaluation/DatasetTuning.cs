using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// Chooses the settings of <see cref="DatasetEvaluationOptions"/> on the validation splits alone (the test rows are
/// never scored here), one <see cref="TuningStage"/> at a time with the other settings at their defaults: a
/// coordinate search whose winners became those defaults. The candidate with the best mean validation AUPRC wins.
/// Early stopping reads the same validation rows, so these scores are a little optimistic, alike for all candidates.
/// </summary>
public static class DatasetTuning
{
    private const NeighborStatistics Wider = NeighborStatistics.Min | NeighborStatistics.StandardDeviation | NeighborStatistics.TwoHopMean;

    /// <summary>Scores every candidate of <paramref name="stage"/> on the validation rows; returns them and the winner's name.</summary>
    public static (IReadOnlyList<EvaluationRow> Rows, string Chosen) Run(
        LabeledGraph data,
        TuningStage stage,
        DatasetEvaluationOptions defaults,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(defaults);
        defaults.Validate();
        var rows = new List<EvaluationRow>();
        foreach (var (name, options) in Candidates(stage, defaults))
        {
            var models = new EvaluationModels(data, options, cancellationToken);
            var row = new RowRecorder(name, "validation", onValidation: true);
            for (var seed = 0; seed < options.Seeds; seed++)
            {
                var split = DataSplit.Stratified(data.Labels, seed);
                row.Record(split, data.Labels, () => Score(stage, models, split, seed));
                progress?.Report(row.LastLine(seed, options.Seeds));
            }
            rows.Add(row.ToRow());
        }
        return (rows, rows.MaxBy(r => r.Auprc.Mean)!.Name);
    }

    private static SplitScores Score(TuningStage stage, EvaluationModels models, DataSplit split, int seed) => stage switch
    {
        TuningStage.Aggregation or TuningStage.Booster => models.AggregatedGraph(split, seed),
        TuningStage.Sage => models.Sage(split, seed).Scores,
        TuningStage.Stacking => models.Stacked(split, seed, models.Sage(split, seed).Model),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    private static IEnumerable<(string Name, DatasetEvaluationOptions Options)> Candidates(TuningStage stage, DatasetEvaluationOptions d)
    {
        switch (stage)
        {
            case TuningStage.Aggregation:
                var reference = d with { Xgboost = d.Reference };
                yield return ("mean/max/degree", reference with { Aggregation = NeighborStatistics.Reference });
                yield return ("+diff", reference with { Aggregation = NeighborStatistics.Reference | NeighborStatistics.DifferenceFromMean });
                yield return ("+min/std/mean2", reference with { Aggregation = NeighborStatistics.Reference | Wider });
                yield return ("+min/std/mean2/diff", reference with { Aggregation = NeighborStatistics.Reference | Wider | NeighborStatistics.DifferenceFromMean });
                break;
            case TuningStage.Booster:
                yield return ("eta 0.05, 400 rounds, patience 40 (ref_eval.py)", d with { Xgboost = d.Reference });
                yield return ("eta 0.05, 2000 rounds, patience 100", d with { Xgboost = Booster(0.05, 2000, 100) });
                yield return ("eta 0.02, 4000 rounds, patience 200", d with { Xgboost = Booster(0.02, 4000, 200) });
                yield return ("eta 0.02, 4000 rounds, patience 200, subsample 0.8, colsample 0.5", d with { Xgboost = Booster(0.02, 4000, 200, subsample: 0.8, columns: 0.5) });
                break;
            case TuningStage.Sage:
                // Absolute candidates (not relative to the defaults they chose), so a rerun scores the same set.
                var sage = new SageOptions { Epochs = 50, Patience = 10 };
                yield return ("raw features, 64/32", d with { StandardizeSageInput = false, Sage = sage });
                yield return ("standardized, 64/32", d with { StandardizeSageInput = true, Sage = sage });
                yield return ("standardized, 128/64", d with { StandardizeSageInput = true, Sage = sage with { HiddenDims = [128, 64] } });
                yield return ("standardized, 64/32, fan-outs 20/10", d with { StandardizeSageInput = true, Sage = sage with { FanOuts = [20, 10] } });
                yield return ("standardized, 64/32, lr 0.003", d with { StandardizeSageInput = true, Sage = sage with { LearningRate = 0.003f } });
                break;
            case TuningStage.Stacking:
                yield return ("supervised embedding", d with { StackedEmbedding = SageEmbeddingSource.Supervised });
                yield return ("unsupervised embedding", d with { StackedEmbedding = SageEmbeddingSource.Unsupervised });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(stage));
        }
    }

    private static XgboostTrainingOptions Booster(double learningRate, int rounds, int patience, double subsample = 1, double columns = 1) => new()
    {
        Parameters = new XgboostParameters { LearningRate = learningRate, MaxDepth = 6, Subsample = subsample, ColumnSampleByTree = columns },
        Rounds = rounds,
        EarlyStoppingRounds = patience,
    };
}
