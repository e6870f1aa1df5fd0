namespace GraphGuard.Learning.Risk;

/// <summary>One account's risk.</summary>
/// <param name="Row">The account's row in the scored matrix (its account index).</param>
/// <param name="Probability">Calibrated probability that the account is abusive, as labeled accounts are.</param>
/// <param name="Margin">The booster's log-odds; ranks accounts without the calibration's ties.</param>
/// <param name="Reasons">What raised the risk most, largest first (empty when none were asked for).</param>
public sealed record RiskScore(int Row, float Probability, float Margin, IReadOnlyList<RiskReason> Reasons);
