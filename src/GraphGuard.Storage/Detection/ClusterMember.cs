namespace GraphGuard.Storage.Detection;

/// <summary>A cluster member: its entities.id, its external id and its role (<c>core</c> or <c>periphery</c>).</summary>
public readonly record struct ClusterMember(int EntityId, string AccountId, string Role);
