using GraphGuard.Storage.Detection;

namespace GraphGuard.Api.Json;

/// <summary>A cluster as a list shows it, with its first evidence sentence as the headline and its campaign across runs.</summary>
public sealed record ClusterSummaryView(long Id, long RunId, float Score, int Size, int CoreSize, IReadOnlyList<string> Detectors,
    DateTime? FirstActivity, DateTime? LastActivity, string Headline, CampaignView Campaign)
{
    public static ClusterSummaryView From(ClusterSummary c) =>
        new(c.ClusterId, c.PipelineRunId ?? 0, (float)c.Score, c.Size, c.CoreSize, c.Detectors, c.FirstActivity, c.LastActivity, c.Headline, CampaignView.From(c));
}
