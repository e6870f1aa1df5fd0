using Npgsql;

namespace GraphGuard.Storage.Models;

/// <summary>Champion and challenger: the held-out reviewed labels, the champion, and each release decision (<c>model_releases</c>).</summary>
public static class ModelReleaseStore
{
    /// <summary>
    /// The held-out reviewed labels: accounts drawn into a review queue's random slice whose latest standing analyst decision
    /// is abusive (true) or benign (false), and that no model can have trained on before they were drawn: an account with
    /// a label from another source (ingested, audited), or with an analyst label decided before its first random draw,
    /// may be in the champion's training set, so it stays a training label instead. Training never reads the held-out
    /// labels, so they judge every model fairly.
    /// </summary>
    public static async Task<Dictionary<int, bool>> HeldOutLabelsAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            with drawn as (
                select i.account_id, min(r.created_at) as first_drawn
                from review_items i join pipeline_runs r using (run_id) where i.kind = 'random' group by i.account_id)
            select distinct on (a.account_id) a.account_id, a.label = 'abusive'
            from analyst_decisions a join drawn d using (account_id)
            where a.undone_at is null and a.label in ('abusive', 'benign')
              and not exists (select 1 from labels l where l.account_id = a.account_id and l.source <> 'analyst')
              and not exists (select 1 from analyst_decisions b where b.account_id = a.account_id and b.label in ('abusive', 'benign') and b.decided_at < d.first_drawn)
            order by a.account_id, a.decided_at desc, a.decision_id desc
            """);
        var labels = new Dictionary<int, bool>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            labels[reader.GetInt32(0)] = reader.GetBoolean(1);
        }
        return labels;
    }

    /// <summary>The model of the published run (the champion), or null before any publication.</summary>
    public static async Task<string?> ServingModelAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select r.model_version from publications p join pipeline_runs r using (run_id) order by p.publication_id desc limit 1
            """);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    /// <summary>Records (or replaces) the run's release decision.</summary>
    public static async Task RecordAsync(NpgsqlDataSource dataSource, ModelRelease release, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        await using var cmd = dataSource.CreateCommand("""
            insert into model_releases (run_id, challenger, champion, released, reason, labels, challenger_auprc, champion_auprc, challenger_precision, champion_precision, tolerance)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            on conflict (run_id) do update set challenger = excluded.challenger, champion = excluded.champion, released = excluded.released, reason = excluded.reason,
                labels = excluded.labels, challenger_auprc = excluded.challenger_auprc, champion_auprc = excluded.champion_auprc,
                challenger_precision = excluded.challenger_precision, champion_precision = excluded.champion_precision, tolerance = excluded.tolerance, decided_at = now()
            """);
        foreach (var value in new object?[] { release.RunId, release.Challenger, release.Champion, release.Released, release.Reason, release.Labels,
                     release.ChallengerAuprc, release.ChampionAuprc, release.ChallengerPrecision, release.ChampionPrecision, release.Tolerance })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Every release decision, newest first.</summary>
    public static async Task<List<ModelRelease>> ListAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select run_id, challenger, champion, released, reason, labels, challenger_auprc, champion_auprc, challenger_precision, champion_precision, tolerance, decided_at
            from model_releases order by decided_at desc, run_id desc
            """);
        var releases = new List<ModelRelease>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            releases.Add(new ModelRelease(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3), reader.GetString(4),
                reader.GetInt32(5), Nullable(reader, 6), Nullable(reader, 7), Nullable(reader, 8), Nullable(reader, 9), reader.GetDouble(10), reader.GetDateTime(11)));
        }
        return releases;
    }

    private static double? Nullable(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}
