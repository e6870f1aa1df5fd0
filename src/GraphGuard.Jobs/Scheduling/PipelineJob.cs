using System.ComponentModel;
using Hangfire;
using Hangfire.Server;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// The Hangfire jobs of the pipeline: a firing (cron or <c>jobs trigger</c>) starts a run; a retry job resumes
/// a failed run when its backoff has passed. Each only hands the run to the <see cref="RunDriver"/>, which keeps
/// attempts and retries in our run tables: Hangfire's own retries are off.
/// </summary>
/// <remarks>
/// Implementation note: Hangfire delivers at least once. A firing carries its job id into
/// <c>pipeline_runs.hangfire_job_id</c>, so a second delivery finds the run the first one created, and the
/// driver, reading the run under its pipeline's lease, decides whether anything is left to do.
/// </remarks>
public sealed class PipelineJob(RunDriver driver)
{
    /// <summary>Starts a run of <paramref name="pipeline"/> (<paramref name="definition"/> is its file as JSON).</summary>
    /// <param name="pipeline">The pipeline's name (the recurring job's id).</param>
    /// <param name="definition">The definition, so any worker runs what the file said when the job was stored.</param>
    /// <param name="trigger"><c>schedule</c> or <c>manual</c>.</param>
    /// <param name="context">Hangfire's: the job id.</param>
    /// <param name="stopping">Hangfire's: the worker is stopping (cancels only the wait for the pipeline).</param>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("{0}: new run ({2})")]
    public async Task StartAsync(string pipeline, string definition, string trigger, PerformContext? context, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = PipelineDefinitionFile.Parse($"job {context.BackgroundJob.Id}", pipeline, definition);
        await driver.DriveFiringAsync(parsed, trigger, context.BackgroundJob.Id, stopping).ConfigureAwait(false);
    }

    /// <summary>Resumes a failed run whose retry is due (nothing, when a worker already did).</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("{1}: retry run {0}")]
    public Task ResumeAsync(long runId, string pipeline) => driver.TryDriveAsync(runId, pipeline);
}
