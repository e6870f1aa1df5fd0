namespace GraphGuard.Storage.Detection;

/// <summary>
/// One stored cluster as a list shows it, with its first evidence sentence as the headline, and the pipeline run
/// its detection run belongs to (null for a detection run of <c>graphguard detect</c>), and its campaign's history.
/// </summary>
public sealed record ClusterSummary(long ClusterId, int DetectionRunId, string[] Detectors, int Size, int CoreSize, double Score,
    DateTime? FirstActivity, DateTime? LastActivity, string Headline, long? PipelineRunId, CampaignHistory Campaign)
{
    /// <summary>Accounts more than the campaign's cluster of the previous run had (null when the campaign is new).</summary>
    public int? Growth => Size - Campaign.PreviousSize;
}
