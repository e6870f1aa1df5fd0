namespace GraphGuard.Api.Json;

/// <summary>Nodes and aggregated edges; <see cref="Truncated"/> when a size cap cut it.</summary>
public sealed record SubgraphView(IReadOnlyList<NodeView> Nodes, IReadOnlyList<EdgeView> Edges, bool Truncated);
