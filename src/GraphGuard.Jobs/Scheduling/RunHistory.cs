using Npgsql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>Reads the pipeline's history (<c>pipeline_runs</c>, <c>stage_runs</c>) for <c>graphguard jobs</c>.</summary>
public static class RunHistory
{
    /// <summary>The newest runs, newest first, of one pipeline or of all; each with its attempts.</summary>
    public static async Task<IReadOnlyList<RunRecord>> RecentAsync(NpgsqlDataSource dataSource, string? pipeline, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var runs = new List<RunRecord>();
        await using (var cmd = dataSource.CreateCommand("""
            select run_id, pipeline, trigger, status, created_at, finished_at, error from pipeline_runs
            where $1::text is null or pipeline = $1 order by run_id desc limit $2
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)pipeline ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                runs.Add(new RunRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDateTime(4),
                    reader.IsDBNull(5) ? null : reader.GetDateTime(5), reader.IsDBNull(6) ? null : reader.GetString(6), []));
            }
        }
        if (runs.Count == 0)
        {
            return runs;
        }
        var attempts = runs.ToDictionary(r => r.RunId, _ => new List<StageAttemptRecord>());
        await using (var cmd = dataSource.CreateCommand("""
            select run_id, stage, attempt, status, worker, started_at, finished_at, rows, error from stage_runs
            where run_id = any($1) order by run_id, started_at, attempt
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = attempts.Keys.ToArray() });
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                attempts[reader.GetInt64(0)].Add(new StageAttemptRecord(reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetDateTime(5),
                    reader.IsDBNull(6) ? null : reader.GetDateTime(6), reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
        }
        return [.. runs.Select(r => r with { Stages = attempts[r.RunId] })];
    }

    /// <summary>The newest run of a pipeline, without its attempts; null when it never ran.</summary>
    public static async Task<RunRecord?> LatestAsync(NpgsqlDataSource dataSource, string pipeline, CancellationToken ct) =>
        (await RecentAsync(dataSource, pipeline, 1, ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The first manual run of a pipeline after <paramref name="afterRunId"/>: what <c>jobs trigger</c> asked for.</summary>
    public static async Task<long?> ManualRunAfterAsync(NpgsqlDataSource dataSource, string pipeline, long afterRunId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand(
            "select min(run_id) from pipeline_runs where pipeline = $1 and trigger = 'manual' and run_id > $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = pipeline });
        cmd.Parameters.Add(new NpgsqlParameter { Value = afterRunId });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as long?;
    }

    /// <summary>A run's status (<c>running</c>, <c>succeeded</c>, <c>failed</c>) and error.</summary>
    public static async Task<(string Status, string? Error)> StatusAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand("select status, error from pipeline_runs where run_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1))
            : throw new InvalidOperationException($"there is no pipeline run {runId}");
    }

    /// <summary>The newest run id of a pipeline (0 when none).</summary>
    public static async Task<long> LastRunIdAsync(NpgsqlDataSource dataSource, string pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand("select coalesce(max(run_id), 0) from pipeline_runs where pipeline = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = pipeline });
        return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }
}
