namespace GraphGuard.Api.Json;

/// <summary>A page of the published run's clusters.</summary>
public sealed record ClusterListView(long RunId, int Total, int Offset, IReadOnlyList<ClusterSummaryView> Clusters);
