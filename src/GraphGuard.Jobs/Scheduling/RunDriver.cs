using GraphGuard.Jobs.Pipeline;
using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// Drives runs for a worker, under the pipeline's <see cref="PipelineLease"/>: one run of a pipeline at a time,
/// and a run left <c>running</c> with its lease free has no live driver. Everything it decides, it decides from
/// <c>pipeline_runs</c> read under the lease, so a firing delivered twice, a retry job and the recovery sweep
/// that reach the same run do its next attempt once between them.
/// </summary>
/// <remarks>
/// Implementation note: a worker dying, or losing the database mid-stage, spends one of the run's attempts
/// like a failed stage does, so a run that kills its workers is given up after <c>retry.max_attempts</c>
/// instead of looping through the cluster. A recorded failure is retried after its backoff; a run whose driver
/// vanished is resumed at once by whichever worker next finds its lease free.
/// </remarks>
public sealed class RunDriver(PipelineWorker worker, SchedulerSettings settings, Action<long, string, TimeSpan>? scheduleRetry)
{
    /// <summary>How often a driver checks that its lease's connection (and so its lock) is still there.</summary>
    private static readonly TimeSpan LeaseCheck = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A scheduler firing (<paramref name="firing"/> is its job id): waits for the pipeline's lease, creates the
    /// run (or finds the one an earlier delivery of the same firing created) and drives it.
    /// </summary>
    /// <param name="definition">The pipeline.</param>
    /// <param name="trigger"><c>schedule</c> or <c>manual</c>.</param>
    /// <param name="firing">The Hangfire job id.</param>
    /// <param name="waiting">Cancels only the wait for the lease (the worker is stopping: the firing goes back to its queue).</param>
    public async Task<long> DriveFiringAsync(PipelineDefinition definition, string trigger, string firing, CancellationToken waiting)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await using var lease = await PipelineLease.TakeAsync(worker.DataSource, definition.Name, settings.PollInterval, waiting).ConfigureAwait(false);
        var runner = worker.NewRunner();
        var runId = await runner.CreateRunAsync(definition, trigger, CancellationToken.None, firing).ConfigureAwait(false);
        await DriveLeasedAsync(lease, runner, runId, trigger).ConfigureAwait(false);
        return runId;
    }

    /// <summary>Drives an existing run if its pipeline's lease is free; false when a live process holds it.</summary>
    public async Task<bool> TryDriveAsync(long runId, string pipeline)
    {
        await using var lease = await PipelineLease.TryTakeAsync(worker.DataSource, pipeline, CancellationToken.None).ConfigureAwait(false);
        if (lease is null)
        {
            return false;
        }
        await DriveLeasedAsync(lease, worker.NewRunner(), runId, null).ConfigureAwait(false);
        return true;
    }

    private async Task DriveLeasedAsync(PipelineLease lease, PipelineRunner runner, long runId, string? trigger)
    {
        var ds = worker.DataSource;
        if (await RunAttempts.ReadAsync(ds, runId, CancellationToken.None).ConfigureAwait(false) is not { } state)
        {
            worker.Log($"run {runId}: no such run any more (deleted by retention); nothing to do");
            return;
        }
        var definition = PipelineDefinitionFile.Parse($"run {runId}", state.Pipeline, state.Parameters);
        var name = $"run {runId} ({definition.Name})";
        int attempt;
        string how;
        switch (state.Status)
        {
            case "running" when state.Attempts == 0:
                (attempt, how) = (1, trigger ?? "recovered: its first attempt never started");
                break;
            case "running":
                // We hold the lease, so whoever started this attempt is gone (dead, or cut off from the database).
                if (state.Attempts >= definition.MaxAttempts)
                {
                    var error = $"gave up after {definition.MaxAttempts} attempts: its workers stopped mid-run";
                    await runner.GiveUpAsync(runId, error, CancellationToken.None).ConfigureAwait(false);
                    worker.Log($"{name}: {error}; left failed");
                    return;
                }
                (attempt, how) = (state.Attempts + 1, "recovered from a stopped worker");
                break;
            case "failed" when state.RetryDue:
                (attempt, how) = (state.Attempts + 1, "retry");
                break;
            default:
                return; // succeeded, failed for good, or a retry not due yet: nothing to do now
        }
        await RunAttempts.BeginAsync(ds, runId, attempt, RetryBackoff.After(definition, attempt), CancellationToken.None).ConfigureAwait(false);
        worker.Log($"{name}: attempt {attempt} of {definition.MaxAttempts} started ({how})");

        // The run goes on only while the lease holds: a driver cut off from the database stops, since another
        // worker may already be resuming the run once the database is back.
        using var lost = new CancellationTokenSource();
        using var watching = new CancellationTokenSource();
        var watchdog = WatchLeaseAsync(lease, lost, watching.Token);
        PipelineRunResult result;
        try
        {
            result = await runner.RunAsync(runId, definition, new StageLog(worker.Log, runId), lost.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var why = lost.IsCancellationRequested ? "its connection to the database broke" : e.Message.ReplaceLineEndings(" ");
            ds.Clear(); // the pool's other connections broke the same way: the resuming attempt starts with fresh ones
            worker.Log($"{name}: attempt {attempt} broke off: {why}; a worker resumes it once the database answers");
            throw new RunBrokeOffException($"{name}: attempt {attempt} broke off: {why}", e);
        }
        finally
        {
            await watching.CancelAsync().ConfigureAwait(false);
            await watchdog.ConfigureAwait(false);
        }
        switch (result.Status)
        {
            case PipelineRunStatus.Succeeded:
                worker.Log($"{name}: succeeded on attempt {attempt}");
                break;
            case PipelineRunStatus.Failed:
                worker.Log($"{name}: attempt {attempt} failed: {result.Error}");
                if (RetryBackoff.After(definition, attempt) is { } wait)
                {
                    // Already stored with the failure (retry_at); the scheduler's job only shows it and fires it on time.
                    worker.Log($"{name}: retry {attempt + 1} of {definition.MaxAttempts} in {wait}");
                    ScheduleRetryJob(runId, definition.Name, wait);
                }
                else
                {
                    worker.Log($"{name}: failed after {attempt} attempts; left failed");
                }
                break;
            default:
                // A process without the lease holds a stage (an older foreground run): give the attempt back, look again later.
                var stage = result.Stages[^1].Stage;
                await RunAttempts.PostponeAsync(ds, runId, attempt - 1, definition.RetryBackoff, $"waiting for stage {stage}, held by another process", CancellationToken.None).ConfigureAwait(false);
                worker.Log($"{name}: another process holds stage {stage}; looking again in {definition.RetryBackoff}");
                ScheduleRetryJob(runId, definition.Name, definition.RetryBackoff);
                break;
        }
    }

    private void ScheduleRetryJob(long runId, string pipeline, TimeSpan wait)
    {
        try
        {
            scheduleRetry?.Invoke(runId, pipeline, wait);
        }
        catch (Exception e)
        {
            worker.Log($"run {runId} ({pipeline}): the scheduler could not store the retry job ({e.Message.ReplaceLineEndings(" ")}); a worker starts the retry when it is due");
        }
    }

    private static async Task WatchLeaseAsync(PipelineLease lease, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseCheck, stop).ConfigureAwait(false);
                if (!await lease.IsHeldAsync(LeaseCheck).ConfigureAwait(false))
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
    }
}
