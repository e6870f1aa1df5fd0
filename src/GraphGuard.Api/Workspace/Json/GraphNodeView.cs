namespace GraphGuard.Api.Workspace.Json;

/// <summary>A node: its graph id (what pivots and edges use), kind, readable id, and for accounts the published risk.</summary>
public sealed record GraphNodeView(int Id, string Kind, string Label, float? Score, string? Band);
