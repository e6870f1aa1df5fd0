namespace GraphGuard.Api.Workspace.Json;

/// <summary>What a decision recorded.</summary>
public sealed record DecisionResultView(long BatchId, string Label, int Accounts, DateTime DecidedAt);
