namespace GraphGuard.Api.Workspace.Json;

/// <summary>Shortest connections between two accounts through shared entities, cheapest first, and the subgraph that holds them.</summary>
public sealed record PathsView(string From, string To, IReadOnlyList<PathView> Paths, int Explored, GraphView Graph);
