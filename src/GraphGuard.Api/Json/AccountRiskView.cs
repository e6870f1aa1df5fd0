namespace GraphGuard.Api.Json;

/// <summary>An account's risk in the published run (written by hand on the hot path; this type documents the shape).</summary>
public sealed record AccountRiskView(string AccountId, float Score, string Band, float Margin, string ModelVersion, long RunId,
    IReadOnlyList<string> Reasons, IReadOnlyList<ClusterRefView> Clusters);
