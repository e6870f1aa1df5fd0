namespace GraphGuard.Storage.Workspace;

/// <summary>
/// One analyst decision: a label on one account or on every member of a cluster, with the reason the analyst
/// gave and the published run (and its model) the analyst was looking at.
/// </summary>
public sealed record DecisionRequest(
    IReadOnlyList<DecisionTarget> Targets, long? ClusterId, DecisionLabel Label, string Reason, string Author, long? RunId, string? ModelVersion);
