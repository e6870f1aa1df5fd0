namespace GraphGuard.Api.Workspace.Json;

/// <summary>Nodes and aggregated edges of a picture; Truncated when a size cap cut it.</summary>
public sealed record GraphView(IReadOnlyList<GraphNodeView> Nodes, IReadOnlyList<GraphEdgeView> Edges, bool Truncated);
