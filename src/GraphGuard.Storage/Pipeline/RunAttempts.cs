using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Pipeline;

/// <summary>
/// A run's attempts and retries, kept in <c>pipeline_runs</c> so they survive the scheduler: the attempt
/// counter, the wait a failure of this attempt earns (<c>retry_wait</c>), and, stored with the failure itself,
/// when its retry is due (<c>retry_at</c>). Workers find here the runs that need one (<see cref="NeedingAWorkerAsync"/>).
/// </summary>
public static class RunAttempts
{
    /// <summary>The run's state, or null when there is no such run.</summary>
    public static async Task<RunAttempt?> ReadAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand("""
            select run_id, pipeline, status, attempts, parameters::text, retry_at, retry_at <= now(), error
            from pipeline_runs where run_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new RunAttempt(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDateTime(5), !reader.IsDBNull(6) && reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7))
            : null;
    }

    /// <summary>The run a scheduler firing created (its job id), once the worker that took the firing has created it.</summary>
    public static async Task<long?> RunOfFiringAsync(NpgsqlDataSource dataSource, string firing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand("select run_id from pipeline_runs where hangfire_job_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = firing });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as long?;
    }

    /// <summary>
    /// Starts attempt <paramref name="attempt"/>: the run is running again, and a failure of this attempt will be
    /// retried after <paramref name="retryWait"/> (null: it is the last attempt, a failure is final).
    /// </summary>
    public static async Task BeginAsync(NpgsqlDataSource dataSource, long runId, int attempt, TimeSpan? retryWait, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand("""
            update pipeline_runs set attempts = $2, retry_wait = $3, retry_at = null, status = 'running', error = null, finished_at = null
            where run_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = attempt });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)retryWait ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Interval });
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Gives the attempt back and looks again after <paramref name="wait"/> (another process held a stage).</summary>
    public static async Task PostponeAsync(NpgsqlDataSource dataSource, long runId, int attempts, TimeSpan wait, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand("""
            update pipeline_runs set attempts = $2, retry_at = now() + $3, status = 'failed', error = $4, finished_at = now() where run_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = attempts });
        cmd.Parameters.Add(new NpgsqlParameter { Value = wait, NpgsqlDbType = NpgsqlDbType.Interval });
        cmd.Parameters.Add(new NpgsqlParameter { Value = reason });
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a worker should look at, oldest first: every <c>running</c> one (its driver may be dead: the
    /// pipeline's <see cref="PipelineLease"/> tells) and every failed one whose retry has been due for
    /// <paramref name="grace"/> (the scheduler's own retry job had its chance first).
    /// </summary>
    public static async Task<List<(long RunId, string Pipeline)>> NeedingAWorkerAsync(NpgsqlDataSource dataSource, TimeSpan grace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand("""
            select run_id, pipeline from pipeline_runs
            where status = 'running' or (status = 'failed' and retry_at <= now() - $1)
            order by run_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = grace, NpgsqlDbType = NpgsqlDbType.Interval });
        var runs = new List<(long, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            runs.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return runs;
    }
}
