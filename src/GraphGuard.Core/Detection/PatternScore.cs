namespace GraphGuard.Core.Detection;

/// <summary>How well one planted pattern was found (see <see cref="DetectionEvaluation"/>).</summary>
public sealed record PatternScore(string Pattern, int Campaigns, int Accounts, double Recall, double Purity);
