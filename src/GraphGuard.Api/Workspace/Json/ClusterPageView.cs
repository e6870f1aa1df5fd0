namespace GraphGuard.Api.Workspace.Json;

/// <summary>A cluster page: its queue row, evidence sentences, key features, members with their risk and activity, and the graph of members and what they share.</summary>
public sealed record ClusterPageView(QueueRowView Cluster, IReadOnlyList<GraphGuard.Api.Json.EvidenceView> Evidence, IReadOnlyList<KeyFeatureView> KeyFeatures,
    IReadOnlyList<MemberRowView> Members, bool MembersTruncated, GraphView Graph);
