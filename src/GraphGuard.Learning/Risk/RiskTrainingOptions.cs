using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Risk;

/// <summary>How <see cref="RiskTrainer"/> trains; the defaults are what <c>graphguard train</c> uses.</summary>
public sealed record RiskTrainingOptions
{
    /// <summary>
    /// Booster parameters: row and column sampling, log loss watched for early stopping (AUC-PR is reported too,
    /// but reaches its ceiling within a few rounds on well separated data and would stop training there).
    /// </summary>
    public XgboostParameters Booster { get; init; } = new()
    {
        LearningRate = 0.05,
        MaxDepth = 6,
        MinChildWeight = 1,
        Subsample = 0.8,
        ColumnSampleByTree = 0.8,
        EvalMetrics = ["aucpr", "logloss"],
        Seed = 7,
    };

    /// <summary>Most boosting rounds.</summary>
    public int Rounds { get; init; } = 2000;

    /// <summary>Stop when the validation log loss has not improved for this many rounds.</summary>
    public int EarlyStoppingRounds { get; init; } = 100;

    /// <summary>Share of the labeled accounts the booster is fitted on (stratified).</summary>
    public double TrainFraction { get; init; } = 0.6;

    /// <summary>Share watched for early stopping; the rest (held out from both) fits the calibration.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Isotonic calibration needs at least this many positives and negatives held out; with fewer, Platt scaling.</summary>
    public int MinIsotonicClassCount { get; init; } = 100;

    /// <summary>Seed of the split; the booster's and GraphSAGE's seeds are their own options.</summary>
    public int Seed { get; init; } = 2026;

    /// <summary>Which GraphSAGE implementation trains the embedding (the side-by-side of issue 18 runs both).</summary>
    public SageEngine EmbeddingEngine { get; init; } = SageEngine.HandWritten;

    /// <summary>GraphSAGE embedding settings; null leaves the embedding out.</summary>
    public SageOptions? Embedding { get; init; } = new()
    {
        HiddenDims = [32, 16],
        FanOuts = [10, 5],
        Epochs = 2,
        BatchSize = 512,
        NegativeSamples = 5,
        Seed = 11,
    };
}
