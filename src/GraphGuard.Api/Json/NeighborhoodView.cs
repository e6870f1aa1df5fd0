namespace GraphGuard.Api.Json;

/// <summary>What an account touched within some hops, from the events table.</summary>
public sealed record NeighborhoodView(string AccountId, int Hops, SubgraphView Subgraph);
