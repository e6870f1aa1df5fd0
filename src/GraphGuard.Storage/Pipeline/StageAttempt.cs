namespace GraphGuard.Storage.Pipeline;

/// <summary>One row of <c>stage_runs</c>.</summary>
public sealed record StageAttempt(
    string Stage, int Attempt, string Status, string Worker, DateTime StartedAt, DateTime? FinishedAt, long? Rows, string Details, string? Error);
