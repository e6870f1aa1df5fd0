using Npgsql;

namespace GraphGuard.Storage.Pipeline;

/// <summary>Reads the pipeline's history: runs, and each run's stage attempts.</summary>
public static class RunHistory
{
    private const string Columns = """
        r.run_id, r.pipeline, r.trigger, r.status,
        r.run_id is not distinct from (select run_id from publications order by publication_id desc limit 1),
        r.pruned_at is not null, r.created_at, r.finished_at, r.window_from, r.window_to, r.model_version,
        (select count(*) from risk_scores s where s.run_id = r.run_id), r.error
        """;

    /// <summary>The newest runs first.</summary>
    public static async Task<List<RunSummary>> ListAsync(NpgsqlDataSource dataSource, int limit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"select {Columns} from pipeline_runs r order by r.run_id desc limit $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var runs = new List<RunSummary>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            runs.Add(Summary(reader));
        }
        return runs;
    }

    /// <summary>One run and its attempts in stage order, or null when there is no such run.</summary>
    public static async Task<(RunSummary Run, List<StageAttempt> Attempts)?> ShowAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        RunSummary run;
        await using (var cmd = dataSource.CreateCommand($"select {Columns} from pipeline_runs r where r.run_id = $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return null;
            }
            run = Summary(reader);
        }
        var attempts = new List<StageAttempt>();
        await using (var cmd = dataSource.CreateCommand(
            "select stage, attempt, status, worker, started_at, finished_at, rows, details::text, error from stage_runs where run_id = $1 order by started_at, attempt"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                attempts.Add(new StageAttempt(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetDateTime(4),
                    reader.IsDBNull(5) ? null : reader.GetDateTime(5), reader.IsDBNull(6) ? null : reader.GetInt64(6), reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
        }
        return (run, attempts);
    }

    private static RunSummary Summary(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5), r.GetDateTime(6),
        r.IsDBNull(7) ? null : r.GetDateTime(7), r.IsDBNull(8) ? null : r.GetDateTime(8), r.IsDBNull(9) ? null : r.GetDateTime(9),
        r.IsDBNull(10) ? null : r.GetString(10), r.GetInt64(11), r.IsDBNull(12) ? null : r.GetString(12));
}
