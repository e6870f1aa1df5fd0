namespace GraphGuard.Storage.Workspace;

/// <summary>One batch of the audit trail: who decided what, on which account or cluster, why, and whether it was undone.</summary>
public sealed record DecisionEntry(long BatchId, string Label, string Reason, string Author, DateTime DecidedAt, long? ClusterId, int Accounts,
    string FirstAccount, long? RunId, string? ModelVersion, IReadOnlyList<string> ReasonsShown, DateTime? UndoneAt, string? UndoneBy);
