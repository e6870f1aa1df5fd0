namespace GraphGuard.Jobs.Pipeline;

/// <summary>A step of a run for progress displays and worker logs.</summary>
/// <param name="Stage">The stage's name.</param>
/// <param name="Index">Its position, from 0.</param>
/// <param name="Count">Stages in the pipeline.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Note">The stage's note, or the error of a failed attempt.</param>
/// <param name="Result">The finished stage, for <see cref="StageProgressKind.Finished"/> and <see cref="StageProgressKind.DoneEarlier"/>.</param>
public sealed record StageProgress(string Stage, int Index, int Count, StageProgressKind Kind, string? Note = null, StageResult? Result = null);
