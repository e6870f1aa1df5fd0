using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Pipeline;

/// <summary>
/// Writes a pipeline run's history (<c>pipeline_runs</c>, <c>stage_runs</c>) as the runner moves through it;
/// <see cref="StageClaim"/> holds one stage of it. <see cref="RunHistory"/> reads it for people.
/// </summary>
public static class PipelineRunStore
{
    /// <summary>Starts a run's history: a <c>running</c> row with the definition (JSON) as it reads now.</summary>
    /// <param name="dataSource">The store.</param>
    /// <param name="pipeline">The pipeline's name.</param>
    /// <param name="trigger">Why it runs.</param>
    /// <param name="parametersJson">The definition.</param>
    /// <param name="firing">The scheduler's job id when a firing creates it: a firing delivered twice finds the run it created.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<long> CreateAsync(NpgsqlDataSource dataSource, string pipeline, string trigger, string parametersJson, string? firing = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            with created as (
                insert into pipeline_runs (pipeline, trigger, parameters, status, hangfire_job_id) values ($1, $2, $3, 'running', $4)
                on conflict (hangfire_job_id) do nothing returning run_id)
            select run_id from created union all select run_id from pipeline_runs where hangfire_job_id = $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = pipeline });
        cmd.Parameters.Add(new NpgsqlParameter { Value = trigger });
        cmd.Parameters.Add(new NpgsqlParameter { Value = parametersJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)firing ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public static async Task<bool> ExistsAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select exists (select 1 from pipeline_runs where run_id = $1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return (bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>The latest attempt that finished the stage, or null when none did.</summary>
    public static async Task<FinishedAttempt?> FinishedAsync(NpgsqlDataSource dataSource, long runId, string stage, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select attempt, status, coalesce(rows, 0), coalesce(finished_at - started_at, interval '0') from stage_runs
            where run_id = $1 and stage = $2 and status in ('succeeded', 'skipped') order by attempt desc limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = stage });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new FinishedAttempt(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<TimeSpan>(3))
            : null;
    }

    /// <summary>Marks the run succeeded unless it is already (the publish stage does it with its publication).</summary>
    public static async Task SucceedAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var done = dataSource.CreateCommand("update pipeline_runs set status = 'succeeded', finished_at = now(), error = null where run_id = $1 and status <> 'succeeded'");
        done.Parameters.Add(new NpgsqlParameter { Value = runId });
        await done.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Marks the run failed with <paramref name="error"/> unless it succeeded.</summary>
    public static async Task FailAsync(NpgsqlDataSource dataSource, long runId, string error, CancellationToken ct = default)
    {
        await using var fail = dataSource.CreateCommand("update pipeline_runs set status = 'failed', finished_at = now(), error = $2 where run_id = $1 and status <> 'succeeded'");
        fail.Parameters.Add(new NpgsqlParameter { Value = runId });
        fail.Parameters.Add(new NpgsqlParameter { Value = error });
        await fail.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Stages of the run with an attempt still marked running.</summary>
    public static async Task<List<string>> RunningStagesAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        var running = new List<string>();
        await using var cmd = dataSource.CreateCommand("select distinct stage from stage_runs where run_id = $1 and status = 'running'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            running.Add(reader.GetString(0));
        }
        return running;
    }
}
