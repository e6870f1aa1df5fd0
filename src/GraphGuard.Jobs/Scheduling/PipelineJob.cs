using System.Globalization;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Storage.Pipeline;
using Quartz;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// The Quartz job of one pipeline definition. A cron or manual firing starts a run; a retry firing resumes
/// the run it names; a firing recovered from a dead node resumes the run that node left running. A failed
/// attempt schedules a one-shot retry of the same run after <see cref="RetryBackoff"/>, until the
/// definition's attempts are spent and the run stays failed. A worker dying mid-run spends an attempt too.
/// </summary>
/// <remarks>
/// Implementation note: the job is durable and requests recovery, so when a node dies mid-run the cluster
/// re-fires it on another node; <see cref="PipelineRunner"/> then marks the dead attempt abandoned and
/// resumes at that stage. <see cref="DisallowConcurrentExecutionAttribute"/> holds across the cluster: one
/// firing of a pipeline at a time, retries and recoveries included.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class PipelineJob(PipelineWorker worker) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ct = cancellationToken;
        var data = context.MergedJobDataMap;
        var definition = PipelineJobData.DefinitionOf(context.JobDetail.Key, data);
        var runner = worker.NewRunner();
        var (runId, attempt, how) = await ChooseRunAsync(context, runner, definition, ct).ConfigureAwait(false);
        if (context.Recovering)
        {
            // A worker died mid-run: that counts as an attempt, or a run that kills its workers would loop forever.
            attempt = Math.Max(attempt, 1 + await runner.SpentAttemptsAsync(runId, ct).ConfigureAwait(false));
            if (attempt > definition.MaxAttempts)
            {
                var error = $"gave up after {definition.MaxAttempts} attempts: its workers stopped mid-run";
                await runner.GiveUpAsync(runId, error, ct).ConfigureAwait(false);
                worker.Log($"run {runId} ({definition.Name}): {error}; left failed");
                return;
            }
        }
        worker.Log($"run {runId} ({definition.Name}): attempt {attempt} of {definition.MaxAttempts} started ({how})");

        PipelineRunResult result;
        try
        {
            result = await runner.RunAsync(runId, definition, new StageLog(worker.Log, runId), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not a stage failure (the runner records those): the store went away, or the run was deleted.
            worker.Log($"run {runId} ({definition.Name}): attempt {attempt} broke off: {e.Message.ReplaceLineEndings(" ")}");
            await RetryOrGiveUpAsync(context, definition, runId, attempt, ct).ConfigureAwait(false);
            throw new JobExecutionException(e);
        }
        switch (result.Status)
        {
            case PipelineRunStatus.Succeeded:
                worker.Log($"run {runId} ({definition.Name}): succeeded on attempt {attempt}");
                break;
            case PipelineRunStatus.Failed:
                worker.Log($"run {runId} ({definition.Name}): attempt {attempt} failed: {result.Error}");
                await RetryOrGiveUpAsync(context, definition, runId, attempt, ct).ConfigureAwait(false);
                break;
            default:
                // A live worker holds the next stage (a foreground `graphguard run` of the same run): look again later, same attempt.
                worker.Log($"run {runId} ({definition.Name}): another worker holds stage {result.Stages[^1].Stage}; looking again in {definition.RetryBackoff}");
                await ScheduleRetryAsync(context, runId, attempt, definition.RetryBackoff, ct).ConfigureAwait(false);
                break;
        }
    }

    private async Task<(long RunId, int Attempt, string How)> ChooseRunAsync(IJobExecutionContext context, PipelineRunner runner, PipelineDefinition definition, CancellationToken ct)
    {
        var data = context.MergedJobDataMap;
        if (data.GetString(PipelineJobData.RunId) is { } run)
        {
            var attempt = int.Parse(data.GetString(PipelineJobData.Attempt) ?? "1", CultureInfo.InvariantCulture);
            return (long.Parse(run, CultureInfo.InvariantCulture), attempt, context.Recovering ? "retry, recovered from a stopped worker" : "retry");
        }
        if (context.Recovering && await UnfinishedRunAsync(definition.Name, ct).ConfigureAwait(false) is { } unfinished)
        {
            return (unfinished, 1, "recovered from a stopped worker");
        }
        var trigger = data.GetString(PipelineJobData.Trigger) ?? "schedule";
        return (await runner.CreateRunAsync(definition, trigger, ct).ConfigureAwait(false), 1, trigger);
    }

    /// <summary>The run a dead node's cron or manual firing of this pipeline left running (the job never runs twice at once).</summary>
    private Task<long?> UnfinishedRunAsync(string pipeline, CancellationToken ct) => PipelineRunStore.UnfinishedRunAsync(worker.DataSource, pipeline, ct);

    private async Task RetryOrGiveUpAsync(IJobExecutionContext context, PipelineDefinition definition, long runId, int attempt, CancellationToken ct)
    {
        if (RetryBackoff.After(definition, attempt) is { } wait)
        {
            worker.Log($"run {runId} ({definition.Name}): retry {attempt + 1} of {definition.MaxAttempts} in {wait}");
            await ScheduleRetryAsync(context, runId, attempt + 1, wait, ct).ConfigureAwait(false);
        }
        else
        {
            worker.Log($"run {runId} ({definition.Name}): failed after {attempt} attempts; left failed");
        }
    }

    private static async Task ScheduleRetryAsync(IJobExecutionContext context, long runId, int attempt, TimeSpan wait, CancellationToken ct)
    {
        var retry = TriggerBuilder.Create()
            .WithIdentity(PipelineScheduler.RetryTriggerOf(runId, attempt))
            .ForJob(context.JobDetail.Key)
            .UsingJobData(PipelineJobData.ForRetry(runId, attempt))
            .StartAt(DateTimeOffset.UtcNow + wait)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await context.Scheduler.ScheduleJob(retry, ScheduleJobOptions.Replacing, ct).ConfigureAwait(false);
    }

    /// <summary>One log line per stage start and end.</summary>
    private sealed class StageLog(Action<string> log, long runId) : IProgress<StageProgress>
    {
        public void Report(StageProgress value)
        {
            var where = $"run {runId} stage {value.Index + 1}/{value.Count} {value.Stage}";
            switch (value.Kind)
            {
                case StageProgressKind.Started:
                    log($"{where}: started");
                    break;
                case StageProgressKind.Finished when value.Result is { } r:
                    log($"{where}: {r.Status} (attempt {r.Attempt}, {r.Rows:N0} rows, {r.Elapsed.TotalSeconds:0.0} s)");
                    break;
                case StageProgressKind.DoneEarlier when value.Result is { } r:
                    log($"{where}: done earlier (attempt {r.Attempt})");
                    break;
                case StageProgressKind.Failed:
                    log($"{where}: failed: {value.Note}");
                    break;
                default:
                    break;
            }
        }
    }
}
