namespace GraphGuard.Api.Workspace.Json;

/// <summary>A decision: on one account or a whole cluster, the label, and the reason (required).</summary>
public sealed record DecisionRequestView(string? AccountId, long? ClusterId, string? Label, string? Reason);
