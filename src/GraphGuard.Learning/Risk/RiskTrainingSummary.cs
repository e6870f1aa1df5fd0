namespace GraphGuard.Learning.Risk;

/// <summary>What a risk model was trained on and how it did: kept with the artifact as <c>training.json</c>.</summary>
public sealed record RiskTrainingSummary
{
    /// <summary>The artifact's version (its folder name under <c>models/</c>).</summary>
    public required string Version { get; init; }

    /// <summary>When training finished (UTC).</summary>
    public required DateTime TrainedAt { get; init; }

    /// <summary>Where the data came from, e.g. the database and window.</summary>
    public required string Source { get; init; }

    /// <summary>Accounts in the snapshot (all are scored).</summary>
    public required int Accounts { get; init; }

    /// <summary>Accounts whose latest label is abusive.</summary>
    public required int LabeledAbusive { get; init; }

    /// <summary>Accounts whose latest label is benign.</summary>
    public required int LabeledBenign { get; init; }

    /// <summary>Labeled accounts the booster was fitted on.</summary>
    public required RiskSetMetrics Train { get; init; }

    /// <summary>Labeled accounts watched for early stopping.</summary>
    public required RiskSetMetrics Validation { get; init; }

    /// <summary>Labeled accounts held out from training and early stopping; the calibration was fitted on them.</summary>
    public required RiskSetMetrics HeldOut { get; init; }

    /// <summary>Features per family, e.g. graph 46, detectors 12, embedding 16.</summary>
    public required IReadOnlyDictionary<string, int> FeatureFamilies { get; init; }

    /// <summary>Boosting rounds kept (the best validation round + 1).</summary>
    public required int Rounds { get; init; }

    /// <summary>Boosting rounds run before early stopping.</summary>
    public required int RoundsRun { get; init; }

    /// <summary><c>isotonic</c> or <c>platt</c>.</summary>
    public required string Calibration { get; init; }

    /// <summary>The XGBoost library version.</summary>
    public required string XgboostVersion { get; init; }

    /// <summary>The booster's parameters by XGBoost name.</summary>
    public required IReadOnlyDictionary<string, string> BoosterParameters { get; init; }

    /// <summary>The embedding: dimension, relations, epochs and their losses; null without one.</summary>
    public required RiskEmbeddingSummary? Embedding { get; init; }

    /// <summary>The features (reason keys) with the largest mean |SHAP contribution| on the held-out accounts, largest first.</summary>
    public required IReadOnlyList<RiskFeatureImportance> TopFeatures { get; init; }

    /// <summary>Seconds per training stage.</summary>
    public required IReadOnlyDictionary<string, double> Seconds { get; init; }
}
