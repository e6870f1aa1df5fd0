namespace GraphGuard.Workflows.Detection;

/// <summary>What <c>detect</c> reports of a detection run (printed, or written as JSON).</summary>
/// <param name="DetectionRunId">The stored run.</param>
/// <param name="Clusters">Clusters found.</param>
/// <param name="CampaignsContinued">Clusters that continue a campaign of the previous run.</param>
/// <param name="CampaignsNew">Clusters that start a campaign.</param>
/// <param name="FlaggedAccounts">Accounts in at least one cluster.</param>
/// <param name="ByDetector">Clusters each detector contributed to.</param>
/// <param name="Seconds">Each detector's time, in seconds.</param>
/// <param name="LoadSeconds">Loading the snapshot.</param>
/// <param name="TotalSeconds">The whole run.</param>
public sealed record DetectionSummary(
    int DetectionRunId, int Clusters, int CampaignsContinued, int CampaignsNew, int FlaggedAccounts, IReadOnlyDictionary<string, int> ByDetector,
    IReadOnlyDictionary<string, double> Seconds, double LoadSeconds, double TotalSeconds)
{
    public static DetectionSummary Of(DetectionWorkflow.Outcome outcome)
    {
        var clusters = outcome.Report.Clusters;
        return new DetectionSummary(
            outcome.RunId,
            clusters.Count,
            outcome.Stored.ContinuedCampaigns,
            outcome.Stored.NewCampaigns,
            clusters.SelectMany(c => c.Members).Distinct().Count(),
            clusters.SelectMany(c => c.Detectors).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count()),
            outcome.Report.Timings.ToDictionary(t => t.Step, t => Math.Round(t.Elapsed.TotalSeconds, 2)),
            Math.Round(outcome.LoadTime.TotalSeconds, 2),
            Math.Round(outcome.TotalTime.TotalSeconds, 2));
    }
}
