namespace GraphGuard.Learning.Xgboost;

/// <summary>A trained booster and the validation metrics after each round.</summary>
/// <param name="Booster">The model; the caller disposes it.</param>
/// <param name="Evaluations">Per round, XGBoost's metrics on the validation set (empty without one).</param>
public sealed record XgboostTrainingResult(
    XgboostBooster Booster, IReadOnlyList<IReadOnlyList<XgboostMetricValue>> Evaluations);
