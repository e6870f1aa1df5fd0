using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Pipeline;

/// <summary>
/// Reads the pipeline's history (<c>pipeline_runs</c>, <c>stage_runs</c>) for <c>graphguard run</c>,
/// <c>runs</c> and <c>jobs</c>: runs as <see cref="RunSummary"/>, attempts as <see cref="StageAttempt"/>.
/// </summary>
public static class RunHistory
{
    private const string Columns = """
        r.run_id, r.pipeline, r.trigger, r.status,
        r.run_id is not distinct from (select run_id from publications order by publication_id desc limit 1),
        r.pruned_at is not null, r.created_at, r.finished_at, r.window_from, r.window_to, r.model_version,
        (select count(*) from risk_scores s where s.run_id = r.run_id), r.error
        """;

    private const string AttemptColumns = "run_id, stage, attempt, status, worker, started_at, finished_at, rows, details::text, error";

    /// <summary>The newest runs first, of one pipeline or (null) of all.</summary>
    public static async Task<List<RunSummary>> ListAsync(NpgsqlDataSource dataSource, int limit, string? pipeline = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var cmd = dataSource.CreateCommand($"select {Columns} from pipeline_runs r where $1::text is null or r.pipeline = $1 order by r.run_id desc limit $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)pipeline ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var runs = new List<RunSummary>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            runs.Add(Summary(reader));
        }
        return runs;
    }

    /// <summary>The newest run of a pipeline; null when it never ran.</summary>
    public static async Task<RunSummary?> LatestAsync(NpgsqlDataSource dataSource, string pipeline, CancellationToken ct = default) =>
        (await ListAsync(dataSource, 1, pipeline, ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>One run and its attempts in stage order, or null when there is no such run.</summary>
    public static async Task<(RunSummary Run, List<StageAttempt> Attempts)?> ShowAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
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
        return (run, (await AttemptsAsync(dataSource, [runId], ct).ConfigureAwait(false))[runId]);
    }

    /// <summary>The attempts of each run, in the order they started; a run without any has an empty list.</summary>
    public static async Task<Dictionary<long, List<StageAttempt>>> AttemptsAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<long> runIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(runIds);
        var attempts = runIds.Distinct().ToDictionary(id => id, _ => new List<StageAttempt>());
        if (attempts.Count == 0)
        {
            return attempts;
        }
        await using var cmd = dataSource.CreateCommand($"select {AttemptColumns} from stage_runs where run_id = any($1) order by run_id, started_at, attempt");
        cmd.Parameters.Add(new NpgsqlParameter { Value = attempts.Keys.ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            attempts[reader.GetInt64(0)].Add(new StageAttempt(reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetDateTime(5),
                reader.IsDBNull(6) ? null : reader.GetDateTime(6), reader.IsDBNull(7) ? null : reader.GetInt64(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }
        return attempts;
    }

    private static RunSummary Summary(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5), r.GetDateTime(6),
        r.IsDBNull(7) ? null : r.GetDateTime(7), r.IsDBNull(8) ? null : r.GetDateTime(8), r.IsDBNull(9) ? null : r.GetDateTime(9),
        r.IsDBNull(10) ? null : r.GetString(10), r.GetInt64(11), r.IsDBNull(12) ? null : r.GetString(12));
}
