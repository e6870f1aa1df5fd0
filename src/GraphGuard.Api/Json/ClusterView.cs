namespace GraphGuard.Api.Json;

/// <summary>One cluster: summary, every evidence sentence, members (capped) with risk, and its subgraph: members, the targets they share, and the events to those.</summary>
public sealed record ClusterView(ClusterSummaryView Cluster, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<MemberView> Members,
    bool MembersTruncated, SubgraphView Subgraph);
