namespace GraphGuard.Storage.Pipeline;

/// <summary>A row of <c>pipeline_runs</c>, with whether it is the published run and how many scores it kept.</summary>
public sealed record RunSummary(
    long RunId, string Pipeline, string Trigger, string Status, bool Published, bool Pruned, DateTime CreatedAt, DateTime? FinishedAt,
    DateTime? WindowFrom, DateTime? WindowTo, string? ModelVersion, long Scores, string? Error);
