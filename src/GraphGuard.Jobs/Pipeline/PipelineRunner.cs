using System.Diagnostics;
using System.Text.Json;
using GraphGuard.Jobs.Scheduling;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Jobs.Pipeline;

/// <summary>
/// Runs the stages of a pipeline run in order and keeps its history in <c>pipeline_runs</c> and
/// <c>stage_runs</c> (one row per attempt). Running a run again resumes it: stages with a succeeded or
/// skipped attempt are not run again.
/// </summary>
/// <remarks>
/// Implementation note: each stage is claimed with a session advisory lock on a connection held open for
/// the whole stage, so two workers never run the same stage of the same run at once, and a worker that
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
        await using var cmd = dataSource.CreateCommand("""
            with created as (
                insert into pipeline_runs (pipeline, trigger, parameters, status, hangfire_job_id) values ($1, $2, $3, 'running', $4)
                on conflict (hangfire_job_id) do nothing returning run_id)
            select run_id from created union all select run_id from pipeline_runs where hangfire_job_id = $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = definition.Name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = trigger });
        cmd.Parameters.Add(new NpgsqlParameter { Value = PipelineDefinitionFile.ToJson(definition), NpgsqlDbType = NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)firing ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
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
        if (!await RunExistsAsync(runId, ct).ConfigureAwait(false))
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
            await using var claim = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            if (!await TryLockAsync(claim, runId, stage.Name, ct).ConfigureAwait(false))
            {
                results.Add(new StageResult(stage.Name, 0, "busy", 0, TimeSpan.Zero, Earlier: false));
                return new PipelineRunResult(runId, PipelineRunStatus.Busy, results, null);
            }
            try
            {
                // Another worker may have finished the stage between the check above and the lock.
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
            finally
            {
                await UnlockAsync(claim, runId, stage.Name).ConfigureAwait(false);
            }
        }
        // The publish stage marks the run succeeded with its publication; a pipeline without one ends here.
        await using (var done = dataSource.CreateCommand("update pipeline_runs set status = 'succeeded', finished_at = now(), error = null where run_id = $1 and status <> 'succeeded'"))
        {
            done.Parameters.Add(new NpgsqlParameter { Value = runId });
            await done.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        return new PipelineRunResult(runId, PipelineRunStatus.Succeeded, results, null);
    }

    /// <summary>
    /// Attempts of the run that did not end well: failed, abandoned, or still marked running by a worker that
    /// died. A scheduler counts them so that a run whose workers keep dying (out of memory, say) stops being retried.
    /// </summary>
    public async Task<int> SpentAttemptsAsync(long runId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("select count(*) from stage_runs where run_id = $1 and status in ('failed', 'abandoned', 'running')");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return (int)(long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Leaves a run failed without running it again: attempts still marked running whose lock is free (their
    /// worker died) become abandoned, and the run fails with <paramref name="error"/>.
    /// </summary>
    public async Task GiveUpAsync(long runId, string error, CancellationToken ct)
    {
        var running = new List<string>();
        await using (var cmd = dataSource.CreateCommand("select distinct stage from stage_runs where run_id = $1 and status = 'running'"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                running.Add(reader.GetString(0));
            }
        }
        await using var claim = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        foreach (var stage in running)
        {
            if (!await TryLockAsync(claim, runId, stage, ct).ConfigureAwait(false))
            {
                continue; // a live worker holds it: its own ending records the attempt
            }
            try
            {
                await using var abandon = new NpgsqlCommand(AbandonDeadAttempts, claim) { Parameters = { new() { Value = runId }, new() { Value = stage } } };
                await abandon.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                await UnlockAsync(claim, runId, stage).ConfigureAwait(false);
            }
        }
        await using var fail = new NpgsqlCommand("update pipeline_runs set status = 'failed', finished_at = now(), error = $2 where run_id = $1 and status <> 'succeeded'", claim)
        {
            Parameters = { new() { Value = runId }, new() { Value = error } },
        };
        await fail.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task<(StageResult Result, string? Error)> RunStageAsync(
        NpgsqlConnection claim, long runId, PipelineDefinition definition, IPipelineStage stage, int index, IProgress<StageProgress>? progress, CancellationToken ct)
    {
        var attempt = await StartAttemptAsync(claim, runId, stage.Name, ct).ConfigureAwait(false);
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
            await FailAsync(claim, runId, stage.Name, attempt, "cancelled", "cancelled").ConfigureAwait(false);
            progress?.Report(new StageProgress(stage.Name, index, stages.Count, StageProgressKind.Failed, "cancelled"));
            throw;
        }
        catch (Exception e)
        {
            var message = e.Message.ReplaceLineEndings(" ").Trim();
            var error = $"{stage.Name}: {message}";
            await FailAsync(claim, runId, stage.Name, attempt, $"{e.GetType().Name}: {message}", error).ConfigureAwait(false);
            progress?.Report(new StageProgress(stage.Name, index, stages.Count, StageProgressKind.Failed, message));
            return (new StageResult(stage.Name, attempt, "failed", 0, clock.Elapsed, Earlier: false), error);
        }
        var status = outcome.Skipped ? "skipped" : "succeeded";
        await using (var finish = new NpgsqlCommand("""
            update stage_runs set status = $4, finished_at = now(), rows = $5, details = $6
            where run_id = $1 and stage = $2 and attempt = $3
            """, claim))
        {
            finish.Parameters.Add(new NpgsqlParameter { Value = runId });
            finish.Parameters.Add(new NpgsqlParameter { Value = stage.Name });
            finish.Parameters.Add(new NpgsqlParameter { Value = attempt });
            finish.Parameters.Add(new NpgsqlParameter { Value = status });
            finish.Parameters.Add(new NpgsqlParameter { Value = outcome.Rows });
            finish.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(outcome.Details), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await finish.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        var result = new StageResult(stage.Name, attempt, status, outcome.Rows, clock.Elapsed, Earlier: false);
        progress?.Report(new StageProgress(stage.Name, index, stages.Count, StageProgressKind.Finished, Result: result));
        return (result, null);
    }

    /// <summary>Marks running attempts of dead workers abandoned, and the run running again; returns the new attempt's number.</summary>
    private async Task<int> StartAttemptAsync(NpgsqlConnection claim, long runId, string stage, CancellationToken ct)
    {
        await using var tx = await claim.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(claim, tx)
        {
            BatchCommands =
            {
                new(AbandonDeadAttempts) { Parameters = { new() { Value = runId }, new() { Value = stage } } },
                new("update pipeline_runs set status = 'running', error = null, finished_at = null, retry_at = null where run_id = $1 and status <> 'running'")
                {
                    Parameters = { new() { Value = runId } },
                },
                new("""
                    insert into stage_runs (run_id, stage, attempt, status, worker)
                    select $1, $2, coalesce(max(attempt), 0) + 1, 'running', $3 from stage_runs where run_id = $1 and stage = $2
                    returning attempt
                    """) { Parameters = { new() { Value = runId }, new() { Value = stage }, new() { Value = worker } } },
            },
        };
        var attempt = (int)(await batch.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return attempt;
    }

    private static async Task FailAsync(NpgsqlConnection claim, long runId, string stage, int attempt, string attemptError, string runError)
    {
        await using var batch = new NpgsqlBatch(claim)
        {
            BatchCommands =
            {
                new("update stage_runs set status = 'failed', finished_at = now(), error = $4 where run_id = $1 and stage = $2 and attempt = $3")
                {
                    Parameters = { new() { Value = runId }, new() { Value = stage }, new() { Value = attempt }, new() { Value = attemptError } },
                },
                // The retry (when this attempt earned one) is stored with the failure, in one statement: it cannot be lost between the two.
                new("update pipeline_runs set status = 'failed', finished_at = now(), error = $2, retry_at = now() + retry_wait where run_id = $1")
                {
                    Parameters = { new() { Value = runId }, new() { Value = runError } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<bool> RunExistsAsync(long runId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("select exists (select 1 from pipeline_runs where run_id = $1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private async Task<StageResult?> FinishedAsync(long runId, string stage, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select attempt, status, coalesce(rows, 0), coalesce(finished_at - started_at, interval '0') from stage_runs
            where run_id = $1 and stage = $2 and status in ('succeeded', 'skipped') order by attempt desc limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = stage });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new StageResult(stage, reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<TimeSpan>(3), Earlier: true)
            : null;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection claim, long runId, string stage, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended($1, 0))", claim);
        cmd.Parameters.Add(new NpgsqlParameter { Value = LockName(runId, stage) });
        return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static async Task UnlockAsync(NpgsqlConnection claim, long runId, string stage)
    {
        // Released explicitly: a pooled connection outlives this use, and the lock is the session's.
        await using var cmd = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", claim);
        cmd.Parameters.Add(new NpgsqlParameter { Value = LockName(runId, stage) });
        await cmd.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Run under the (run, stage) lock only: then a row still 'running' belongs to a dead worker.</summary>
    private const string AbandonDeadAttempts = """
        update stage_runs set status = 'abandoned', finished_at = now(),
            error = 'worker ' || worker || ' stopped mid-stage (its lock was free)'
        where run_id = $1 and stage = $2 and status = 'running'
        """;

    internal static string LockName(long runId, string stage) => $"graphguard.stage:{runId}:{stage}";

    /// <summary>Forwards a stage's notes as they come (<see cref="Progress{T}"/> would post them to a thread pool, out of order).</summary>
    private sealed class NoteProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
