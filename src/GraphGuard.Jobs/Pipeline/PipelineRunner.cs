using System.Diagnostics;
using System.Text.Json;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Storage.Pipeline;
using Npgsql;

namespace GraphGuard.Jobs.Pipeline;

/// <summary>
/// Runs the stages of a pipeline run in order and keeps its history in <c>pipeline_runs</c> and
/// <c>stage_runs</c> (one row per attempt). Running a run again resumes it: stages with a succeeded or
/// skipped attempt are not run again.
/// </summary>
/// <remarks>
/// Implementation note: each stage is claimed (<see cref="StageClaim"/>: a session advisory lock on a connection held
/// open for the whole stage), so two workers never run the same stage of the same run at once, and a worker that
/// dies lets go of it with its connection. A <c>running</c> attempt whose lock is free therefore belongs
/// to a dead worker: it is marked <c>abandoned</c> and a new attempt starts. When a live worker holds the
/// lock, <see cref="RunAsync"/> returns <see cref="PipelineRunStatus.Busy"/> without running or changing anything.
/// </remarks>
/// <param name="dataSource">The store.</param>
/// <param name="stages">The stages, in order (<see cref="PipelineStages.All"/>).</param>
/// <param name="worker">Who runs them, for <c>stage_runs.worker</c> (<see cref="ThisProcess"/>).</param>
public sealed class PipelineRunner(NpgsqlDataSource dataSource, IReadOnlyList<IPipelineStage> stages, string worker)
{
    /// <summary>This process as a worker: <c>host/pid</c>.</summary>
    public static string ThisProcess => $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>Stages, in order.</summary>
    public IReadOnlyList<IPipelineStage> Stages => stages;

    /// <summary>Starts a run's history: a <c>running</c> row with the definition as it reads now.</summary>
    /// <param name="definition">The pipeline.</param>
    /// <param name="trigger"><c>schedule</c>, <c>manual</c>, <c>foreground</c> or <c>retry</c>.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="firing">The scheduler's job id when a firing creates it: a firing delivered twice finds the run it created.</param>
    public async Task<long> CreateRunAsync(PipelineDefinition definition, string trigger, CancellationToken ct, string? firing = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return await PipelineRunStore.CreateAsync(dataSource, definition.Name, trigger, PipelineDefinitionFile.ToJson(definition), firing, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs (or resumes) a run: every stage without a finished attempt, in order. A stage that throws marks
    /// its attempt and the run failed with its error and ends the call (<see cref="PipelineRunStatus.Failed"/>);
    /// cancellation does the same with the error <c>cancelled</c> and then throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no such run (never created, or deleted by retention).</exception>
    public async Task<PipelineRunResult> RunAsync(long runId, PipelineDefinition definition, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!await PipelineRunStore.ExistsAsync(dataSource, runId, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"there is no pipeline run {runId} (never created, or deleted by retention)");
        }
        var results = new List<StageResult>();
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (await FinishedAsync(runId, stage.Name, ct).ConfigureAwait(false) is { } earlier)
            {
                results.Add(earlier);
                progress?.Report(new StageProgress(stage.Name, i, stages.Count, StageProgressKind.DoneEarlier, Result: earlier));
                continue;
            }
            await using var claim = await StageClaim.TryTakeAsync(dataSource, runId, stage.Name, ct).ConfigureAwait(false);
            if (claim is null)
            {
                results.Add(new StageResult(stage.Name, 0, "busy", 0, TimeSpan.Zero, Earlier: false));
                return new PipelineRunResult(runId, PipelineRunStatus.Busy, results, null);
            }
            // Another worker may have finished the stage between the check above and the claim.
            if (await FinishedAsync(runId, stage.Name, ct).ConfigureAwait(false) is { } justDone)
            {
                results.Add(justDone);
                progress?.Report(new StageProgress(stage.Name, i, stages.Count, StageProgressKind.DoneEarlier, Result: justDone));
                continue;
            }
            var (result, error) = await RunStageAsync(claim, runId, definition, stage, i, progress, ct).ConfigureAwait(false);
            results.Add(result);
            if (error is not null)
            {
                return new PipelineRunResult(runId, PipelineRunStatus.Failed, results, error);
            }
        }
        // The publish stage marks the run succeeded with its publication; a pipeline without one ends here.
        await PipelineRunStore.SucceedAsync(dataSource, runId, ct).ConfigureAwait(false);
        return new PipelineRunResult(runId, PipelineRunStatus.Succeeded, results, null);
    }

    /// <summary>
    /// Leaves a run failed without running it again: attempts still marked running whose lock is free (their
    /// worker died) become abandoned, and the run fails with <paramref name="error"/>.
    /// </summary>
    public async Task GiveUpAsync(long runId, string error, CancellationToken ct)
    {
        foreach (var stage in await PipelineRunStore.RunningStagesAsync(dataSource, runId, ct).ConfigureAwait(false))
        {
            // A live worker holds the claim: its own ending records the attempt.
            await using var claim = await StageClaim.TryTakeAsync(dataSource, runId, stage, ct).ConfigureAwait(false);
            if (claim is not null)
            {
                await claim.AbandonDeadAttemptsAsync(ct).ConfigureAwait(false);
            }
        }
        await PipelineRunStore.FailAsync(dataSource, runId, error, ct).ConfigureAwait(false);
    }

    private async Task<(StageResult Result, string? Error)> RunStageAsync(
        StageClaim claim, long runId, PipelineDefinition definition, IPipelineStage stage, int index, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var attempt = await claim.StartAttemptAsync(worker, ct).ConfigureAwait(false);
        progress?.Report(new StageProgress(stage.Name, index, stages.Count, StageProgressKind.Started));
        var clock = Stopwatch.StartNew();
        var context = new StageContext
        {
            DataSource = dataSource,
            RunId = runId,
            Definition = definition,
            Progress = new NoteProgress(note => progress?.Report(new StageProgress(stage.Name, index, stages.Count, StageProgressKind.Note, note))),
        };
        StageOutcome outcome;
        try
        {
            outcome = await stage.RunAsync(context, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await claim.FailAttemptAsync(attempt, "cancelled", "cancelled").ConfigureAwait(false);
            progress?.Report(new StageProgress(stage.Name, index, stages.Count, StageProgressKind.Failed, "cancelled"));
            throw;
        }
        catch (Exception e)
        {
            var message = e.Message.ReplaceLineEndings(" ").Trim();
            var error = $"{stage.Name}: {message}";
            await claim.FailAttemptAsync(attempt, $"{e.GetType().Name}: {message}", error).ConfigureAwait(false);
            progress?.Report(new StageProgress(stage.Name, index, stages.Count, StageProgressKind.Failed, message));
            return (new StageResult(stage.Name, attempt, "failed", 0, clock.Elapsed, Earlier: false), error);
        }
        var status = outcome.Skipped ? "skipped" : "succeeded";
        await claim.FinishAttemptAsync(attempt, status, outcome.Rows, JsonSerializer.Serialize(outcome.Details)).ConfigureAwait(false);
        var result = new StageResult(stage.Name, attempt, status, outcome.Rows, clock.Elapsed, Earlier: false);
        progress?.Report(new StageProgress(stage.Name, index, stages.Count, StageProgressKind.Finished, Result: result));
        return (result, null);
    }

    private async Task<StageResult?> FinishedAsync(long runId, string stage, CancellationToken ct) =>
        await PipelineRunStore.FinishedAsync(dataSource, runId, stage, ct).ConfigureAwait(false) is { } done
            ? new StageResult(stage, done.Attempt, done.Status, done.Rows, done.Elapsed, Earlier: true)
            : null;

    /// <summary>Forwards a stage's notes as they come (<see cref="Progress{T}"/> would post them to a thread pool, out of order).</summary>
    private sealed class NoteProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
