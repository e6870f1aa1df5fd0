namespace GraphGuard.Jobs.Scheduling;

/// <summary>A row of <c>stage_runs</c>: one attempt of one stage.</summary>
public sealed record StageAttemptRecord(
    string Stage, int Attempt, string Status, string Worker, DateTime StartedAt, DateTime? FinishedAt, long? Rows, string? Error);
