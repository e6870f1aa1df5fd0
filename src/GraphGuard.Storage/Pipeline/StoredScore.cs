namespace GraphGuard.Storage.Pipeline;

/// <summary>One account's row of <c>risk_scores</c>.</summary>
/// <param name="AccountId">entities.id of the account.</param>
/// <param name="Score">Calibrated probability.</param>
/// <param name="Margin">The booster's log-odds.</param>
/// <param name="Band">The band the policy puts the score in.</param>
/// <param name="Reasons">Top reasons in words, strongest first.</param>
/// <param name="ReasonContributions">Each reason's SHAP contribution to the log-odds, in the order of <paramref name="Reasons"/>.</param>
public sealed record StoredScore(int AccountId, float Score, float Margin, string Band, string[] Reasons, float[] ReasonContributions);
