using GraphGuard.Storage.Detection;

namespace GraphGuard.Api.Json;

/// <summary>
/// A cluster's campaign across runs: when detection first and last found it (and its size at first), in how many
/// stored runs, and since the previous run's cluster of the campaign its growth and members joined and left
/// (<c>previous_size</c> and <c>growth</c> are null when the campaign is new in this run).
/// </summary>
public sealed record CampaignView(long Id, DateTime FirstSeen, int FirstSize, DateTime LastSeen, int Runs, int? PreviousSize, int? Growth, int Joined, int Left)
{
    public static CampaignView From(ClusterSummary c) =>
        new(c.Campaign.CampaignId, c.Campaign.FirstSeen, c.Campaign.FirstSize, c.Campaign.LastSeen, c.Campaign.Runs, c.Campaign.PreviousSize, c.Growth,
            c.Campaign.Joined, c.Campaign.Left);
}
