namespace GraphGuard.Api.Json;

/// <summary>A cluster as a list shows it, with its first evidence sentence as the headline.</summary>
public sealed record ClusterSummaryView(long Id, long RunId, float Score, int Size, int CoreSize, IReadOnlyList<string> Detectors,
    DateTime? FirstActivity, DateTime? LastActivity, string Headline);
