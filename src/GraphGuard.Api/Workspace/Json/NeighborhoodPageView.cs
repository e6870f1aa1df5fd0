namespace GraphGuard.Api.Workspace.Json;

/// <summary>What an account touched within some hops, only the relations asked for, and every relation of the window's graph for the filter.</summary>
public sealed record NeighborhoodPageView(string AccountId, int Hops, IReadOnlyList<string> Relations, GraphView Graph);
