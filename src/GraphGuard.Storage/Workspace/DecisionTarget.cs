namespace GraphGuard.Storage.Workspace;

/// <summary>An account a decision covers, with what the analyst was shown for it (null score: the run does not score it).</summary>
public sealed record DecisionTarget(int AccountId, string ExternalId, float? Score, IReadOnlyList<string> ReasonsShown);
