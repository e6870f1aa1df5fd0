namespace GraphGuard.Api.Data;

/// <summary>Events from <paramref name="Actor"/> to <paramref name="Target"/> (entities.id) with one action, aggregated into a count.</summary>
internal readonly record struct SubgraphEdge(int Actor, int Target, string Action, long Count);
