namespace GraphGuard.Jobs.Pipeline;

/// <summary>A foreground run that succeeded and was published (printed, or written as JSON).</summary>
/// <param name="RunId">The run.</param>
/// <param name="Pipeline">Its pipeline's name.</param>
/// <param name="ModelVersion">The model it trained or reused.</param>
/// <param name="Seconds">From creating the run to publishing it.</param>
/// <param name="Stages">Each stage's outcome, in order.</param>
public sealed record ForegroundRunResult(long RunId, string Pipeline, string? ModelVersion, double Seconds, IReadOnlyList<ForegroundRunResult.StageLine> Stages)
{
    /// <summary>One stage of the run.</summary>
    public sealed record StageLine(string Stage, string Status, long Rows, double Seconds);
}
