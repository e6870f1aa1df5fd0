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
    public static async Task<long> CreateAsync(NpgsqlDataSource dataSource, string pipeline, string trigger, string parametersJson, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "insert into pipeline_runs (pipeline, trigger, parameters, status) values ($1, $2, $3, 'running') returning run_id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = pipeline });
        cmd.Parameters.Add(new NpgsqlParameter { Value = trigger });
        cmd.Parameters.Add(new NpgsqlParameter { Value = parametersJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
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

    /// <summary>Attempts of the run that did not end well: failed, abandoned, or still marked running.</summary>
    public static async Task<int> SpentAttemptsAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select count(*) from stage_runs where run_id = $1 and status in ('failed', 'abandoned', 'running')");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return (int)(long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
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

    /// <summary>The newest run of the pipeline a scheduled or manual firing left running, or null.</summary>
    public static async Task<long?> UnfinishedRunAsync(NpgsqlDataSource dataSource, string pipeline, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select run_id from pipeline_runs
            where pipeline = $1 and status = 'running' and trigger in ('schedule', 'manual')
            order by run_id desc limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = pipeline });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as long?;
    }
}
