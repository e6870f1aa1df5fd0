namespace GraphGuard.Api.Workspace.Json;

/// <summary>Every account that acted on one entity in the published run's window.</summary>
public sealed record PivotView(GraphNodeView Entity, int Total, bool Truncated, IReadOnlyList<PivotAccountView> Accounts);
