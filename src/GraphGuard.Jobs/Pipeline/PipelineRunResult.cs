namespace GraphGuard.Jobs.Pipeline;

/// <summary>What a call of <see cref="PipelineRunner.RunAsync"/> did.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Stages">The stages reached, in order: done earlier, run now, and the one that failed or was busy.</param>
/// <param name="Error">The failed stage's error, as stored on the run.</param>
public sealed record PipelineRunResult(long RunId, PipelineRunStatus Status, IReadOnlyList<StageResult> Stages, string? Error);
