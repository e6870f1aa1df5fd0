namespace GraphGuard.Api.Workspace.Json;

/// <summary>Decisions newest first.</summary>
public sealed record AuditView(IReadOnlyList<GraphGuard.Storage.Workspace.DecisionEntry> Entries);
