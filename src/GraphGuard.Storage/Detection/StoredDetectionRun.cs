namespace GraphGuard.Storage.Detection;

/// <summary>A stored detection run: its id, how many clusters continue a campaign of the previous run, and how many start one.</summary>
public readonly record struct StoredDetectionRun(int RunId, int ContinuedCampaigns, int NewCampaigns);
