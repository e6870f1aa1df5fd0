namespace GraphGuard.Api.Json;

/// <summary>One cluster: summary, every evidence sentence, members (capped) with risk, and the events among them.</summary>
public sealed record ClusterView(ClusterSummaryView Cluster, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<MemberView> Members,
    bool MembersTruncated, SubgraphView Subgraph);
