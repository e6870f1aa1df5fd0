namespace GraphGuard.Storage.Detection;

/// <summary>One stored cluster as a list shows it, with its first evidence sentence as the headline.</summary>
public sealed record ClusterSummary(long ClusterId, int DetectionRunId, string[] Detectors, int Size, int CoreSize, double Score,
    DateTime? FirstActivity, DateTime? LastActivity, string Headline);
