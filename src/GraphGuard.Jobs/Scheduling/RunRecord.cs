namespace GraphGuard.Jobs.Scheduling;

/// <summary>A row of <c>pipeline_runs</c> with its stage attempts, oldest first.</summary>
public sealed record RunRecord(
    long RunId, string Pipeline, string Trigger, string Status, DateTime CreatedAt, DateTime? FinishedAt, string? Error, IReadOnlyList<StageAttemptRecord> Stages);
