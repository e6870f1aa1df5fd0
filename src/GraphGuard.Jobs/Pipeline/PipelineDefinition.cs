using GraphGuard.Core.Review;
using GraphGuard.Learning.Release;

namespace GraphGuard.Jobs.Pipeline;

/// <summary>
/// One schedule of the pipeline, as written in <c>jobs/&lt;name&gt;.json</c> and validated when it is read
/// (by <c>Scheduling.PipelineDefinitionFile</c>). A run keeps the definition it started with.
/// </summary>
public sealed record PipelineDefinition
{
    /// <summary>The file's name without <c>.json</c>: the recurring job's id and <c>pipeline_runs.pipeline</c>.</summary>
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Cron expression with seconds (six fields, seconds first), in UTC.</summary>
    public required string Cron { get; init; }

    /// <summary>How much history a run reads, ending at the newest event; null reads everything.</summary>
    public TimeSpan? Window { get; init; }

    public TrainPolicy Train { get; init; } = TrainPolicy.OnLabelChange;

    /// <summary>Published runs kept (with everything they produced) for comparison and rollback.</summary>
    public int KeepRuns { get; init; } = 5;

    public required BandPolicy Bands { get; init; }

    /// <summary>Attempts per run before it is marked failed; a failed stage is retried after a backoff.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait before the first retry; doubled for each one after.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMinutes(1);

    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.FireOnceNow;

    /// <summary>The day's review budget and the share of it drawn at random (the review_queue stage).</summary>
    public ReviewQueueOptions Review { get; init; } = new();

    /// <summary>When a retrained model replaces the serving one (the release stage): how much worse it may measure on held-out reviewed labels.</summary>
    public ReleasePolicy Release { get; init; } = new();
}

/// <summary>When the train stage fits a new model rather than reusing the latest one.</summary>
public enum TrainPolicy
{
    /// <summary>Only when the labels differ from those the latest model was trained on (or there is none).</summary>
    OnLabelChange,

    /// <summary>Every run: a retraining schedule of its own.</summary>
    Always,
}

/// <summary>What the scheduler does with a firing missed while no worker ran.</summary>
public enum MisfirePolicy
{
    /// <summary>Run once as soon as a worker is back, however many firings were missed.</summary>
    FireOnceNow,

    /// <summary>Skip missed firings and wait for the next one.</summary>
    DoNothing,
}
