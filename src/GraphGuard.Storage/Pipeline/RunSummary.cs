namespace GraphGuard.Storage.Pipeline;

/// <summary>A pipeline run as <c>graphguard runs list</c> shows it.</summary>
public sealed record RunSummary(
    long RunId, string Pipeline, string Trigger, string Status, bool Published, bool Pruned, DateTime CreatedAt, DateTime? FinishedAt,
    DateTime? WindowFrom, DateTime? WindowTo, string? ModelVersion, long Scores, string? Error);
