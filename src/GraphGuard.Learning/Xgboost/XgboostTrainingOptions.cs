namespace GraphGuard.Learning.Xgboost;

/// <summary>How <see cref="XgboostTrainer"/> trains: booster parameters, rounds and early stopping.</summary>
public sealed record XgboostTrainingOptions
{
    /// <summary>Booster parameters.</summary>
    public XgboostParameters Parameters { get; init; } = new();

    /// <summary>Most boosting rounds (<c>num_boost_round</c>).</summary>
    public int Rounds { get; init; } = 100;

    /// <summary>
    /// Stop when the validation score has not improved for this many rounds (<c>early_stopping_rounds</c>);
    /// null trains every round. Needs a validation matrix.
    /// </summary>
    public int? EarlyStoppingRounds { get; init; }

    /// <summary>
    /// Whether a larger validation score is better; null decides from the metric's name as XGBoost's Python
    /// package does (AUC, AUC-PR, MAP and NDCG are maximized, the rest minimized).
    /// </summary>
    public bool? MaximizeMetric { get; init; }
}
