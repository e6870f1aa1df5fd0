namespace GraphGuard.Storage.Detection;

/// <summary>A stored cluster with all its evidence and members.</summary>
public sealed record ClusterDetail(ClusterSummary Summary, IReadOnlyList<StoredEvidence> Evidence, IReadOnlyList<ClusterMember> Members);
