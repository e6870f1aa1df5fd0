namespace GraphGuard.Jobs.Pipeline;

/// <summary>How a call of <see cref="PipelineRunner.RunAsync"/> ended.</summary>
public enum PipelineRunStatus
{
    /// <summary>Every stage has a succeeded (or skipped) attempt; the publish stage marked the run succeeded.</summary>
    Succeeded,

    /// <summary>A stage failed; the run is marked failed with the error, and running it again resumes at that stage.</summary>
    Failed,

    /// <summary>Another live worker holds the next stage's lock; nothing was run or changed. Try again later.</summary>
    Busy,
}
