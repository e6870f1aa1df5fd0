namespace GraphGuard.Jobs.Pipeline;

/// <summary>
/// One stage of a run. It reads earlier stages' output for <see cref="StageContext.RunId"/> and replaces
/// its own output for that run (and nothing else), so running it twice leaves the same result.
/// </summary>
public interface IPipelineStage
{
    /// <summary>snake_case, as stored in <c>stage_runs.stage</c>.</summary>
    string Name { get; }

    Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct);
}

/// <summary>What a stage reports for <c>stage_runs</c>: rows written and a few facts worth keeping.</summary>
public sealed record StageOutcome(long Rows, IReadOnlyDictionary<string, object?> Details)
{
    /// <summary>True when the stage decided it had nothing to do (train with unchanged labels).</summary>
    public bool Skipped { get; init; }
}
