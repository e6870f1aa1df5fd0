namespace GraphGuard.Jobs.Pipeline;

/// <summary>One stage as a call of <see cref="PipelineRunner.RunAsync"/> saw it.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Attempt">The attempt that counts (stage_runs.attempt); 0 when none was made.</param>
/// <param name="Status"><c>succeeded</c>, <c>skipped</c>, <c>failed</c> (stage_runs.status), or <c>busy</c>.</param>
/// <param name="Rows">Rows the attempt wrote.</param>
/// <param name="Elapsed">How long the attempt ran.</param>
/// <param name="Earlier">True when an earlier call had already finished the stage, so this one did not run it.</param>
public sealed record StageResult(string Stage, int Attempt, string Status, long Rows, TimeSpan Elapsed, bool Earlier);
