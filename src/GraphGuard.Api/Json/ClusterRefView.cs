namespace GraphGuard.Api.Json;

/// <summary>A cluster an account is in: its id, score and the detectors that found it.</summary>
public sealed record ClusterRefView(long Id, float Score, IReadOnlyList<string> Detectors);
