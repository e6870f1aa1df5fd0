namespace GraphGuard.Api.Workspace.Json;

/// <summary>A cluster page: its queue row, evidence sentences, key features, and members with their risk and activity (its graph is a call of its own).</summary>
public sealed record ClusterPageView(QueueRowView Cluster, IReadOnlyList<GraphGuard.Api.Json.EvidenceView> Evidence, IReadOnlyList<KeyFeatureView> KeyFeatures,
    IReadOnlyList<MemberRowView> Members, bool MembersTruncated);
