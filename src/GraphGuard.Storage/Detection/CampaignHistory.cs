namespace GraphGuard.Storage.Detection;

/// <summary>
/// The campaign a stored cluster belongs to across detection runs: when it was first seen (run, time and size
/// then) and last seen, how many stored runs found it, and how this cluster changed since the previous run's
/// cluster of the campaign (<see cref="PreviousSize"/> is null when the campaign is new in this run).
/// </summary>
public sealed record CampaignHistory(long CampaignId, int? FirstSeenRun, DateTime FirstSeen, int FirstSize, int? LastSeenRun, DateTime LastSeen,
    int Runs, long? PreviousClusterId, int? PreviousSize, int Joined, int Left);
