using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// Settings of <see cref="DatasetEvaluation"/>. The defaults of <see cref="Xgboost"/>, <see cref="Aggregation"/> and
/// <see cref="Sage"/> were chosen on validation scores only (docs/evaluation.md says how).
/// </summary>
public sealed record DatasetEvaluationOptions
{
    /// <summary>Splits (seeds 0..Seeds-1), each a stratified 40/20/40 train/validation/test split.</summary>
    public int Seeds { get; init; } = 5;

    /// <summary>
    /// Exactly what <c>shared/tools/ref_eval.py</c> runs (XGBClassifier: 400 rounds, eta 0.05, depth 6, early stopping
    /// after 40 rounds without a better validation AUPRC), for the row that replays the reference.
    /// </summary>
    public XgboostTrainingOptions Reference { get; init; } = new()
    {
        Parameters = new XgboostParameters { LearningRate = 0.05, MaxDepth = 6 },
        Rounds = 400,
        EarlyStoppingRounds = 40,
    };

    /// <summary>XGBoost for our rows (chosen by <c>--tune booster</c>); the seed of the split is set on it.</summary>
    public XgboostTrainingOptions Xgboost { get; init; } = new()
    {
        Parameters = new XgboostParameters { LearningRate = 0.02, MaxDepth = 6, Subsample = 0.8, ColumnSampleByTree = 0.5 },
        Rounds = 4000,
        EarlyStoppingRounds = 200,
    };

    /// <summary>Neighbour statistics of our graph rows (chosen by <c>--tune aggregation</c>; the reference row keeps mean, max and degree).</summary>
    public NeighborStatistics Aggregation { get; init; } = NeighborStatistics.Reference | NeighborStatistics.Min | NeighborStatistics.StandardDeviation
        | NeighborStatistics.TwoHopMean | NeighborStatistics.DifferenceFromMean;

    /// <summary>
    /// GraphSAGE (fan-outs chosen by <c>--tune sage</c>), trained supervised on the training rows and early-stopped on
    /// validation AUROC; the seed is set per split.
    /// </summary>
    public SageOptions Sage { get; init; } = new() { FanOuts = [20, 10], Epochs = 50, Patience = 10 };

    /// <summary>Standardize the features GraphSAGE reads (label-free z-scores over all nodes; chosen by <c>--tune sage</c>).</summary>
    public bool StandardizeSageInput { get; init; } = true;

    /// <summary>The embedding the stacked row adds to XGBoost's input.</summary>
    public SageEmbeddingSource StackedEmbedding { get; init; } = SageEmbeddingSource.Unsupervised;

    /// <summary>GraphSAGE trained by link prediction, for <see cref="SageEmbeddingSource.Unsupervised"/>; the seed is set per split.</summary>
    public SageOptions UnsupervisedSage { get; init; } = new() { Epochs = 5 };

    /// <summary>Which GraphSAGE implementation trains and embeds (the side-by-side of issue 18 runs both).</summary>
    public SageEngine Engine { get; init; } = SageEngine.HandWritten;

    /// <summary>Run only the rows that read GraphSAGE (<c>graphsage</c>, <c>graphsage+xgbgraph</c>, <c>blend</c>): what differs between engines.</summary>
    public bool GraphSageRowsOnly { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Seeds);
        if (Xgboost.EarlyStoppingRounds is null || Reference.EarlyStoppingRounds is null)
        {
            throw new ArgumentException("the protocol early-stops every XGBoost row on the validation split");
        }
    }
}
