using System.Text.Json;

namespace GraphGuard.Api.Snapshot;

/// <summary>
/// One account's risk in the published run. Band and reasons are shared, pre-encoded JSON strings (a run has
/// a handful of bands and few distinct reasons), so writing a response escapes nothing.
/// </summary>
internal sealed record AccountRisk(string AccountId, float Score, float Margin, string Band, JsonEncodedText BandJson, JsonEncodedText[] Reasons,
    float[] ReasonContributions, ClusterRef[] Clusters);
