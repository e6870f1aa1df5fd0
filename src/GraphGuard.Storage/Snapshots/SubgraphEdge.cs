namespace GraphGuard.Storage.Snapshots;

/// <summary>Events from <paramref name="Actor"/> to <paramref name="Target"/> (entities.id) with one action, aggregated into a count.</summary>
public readonly record struct SubgraphEdge(int Actor, int Target, string Action, long Count);
