using GraphGuard.Storage.Snapshots;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Service;

/// <summary>What the service loads of the published run: the latest publication, its scores and its clusters.</summary>
public static class PublishedRunQueries
{
    /// <summary>The latest publication (a rollback counts: it is a publication of an older run), or null when none.</summary>
    public static async Task<PublicationHead?> LatestAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select p.publication_id, p.run_id, p.kind, p.published_at, coalesce(r.model_version, ''), r.window_from, r.window_to
            from publications p join pipeline_runs r using (run_id)
            order by p.publication_id desc limit 1
            """);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new PublicationHead(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3), reader.GetString(4),
                new SnapshotWindow(reader.IsDBNull(5) ? null : reader.GetDateTime(5), reader.IsDBNull(6) ? null : reader.GetDateTime(6)))
            : null;
    }

    /// <summary>Every score of a run. Binary COPY: a million scores arrive in a couple of seconds instead of a row-by-row read.</summary>
    public static async IAsyncEnumerable<PublishedScore> ScoresAsync(NpgsqlDataSource dataSource, long runId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var export = await connection.BeginBinaryExportAsync($"""
            copy (select e.external_id, s.account_id, s.score, s.margin, s.band, s.reasons, s.reason_contributions
                  from risk_scores s join entities e on e.id = s.account_id
                  where s.run_id = {runId}) to stdout (format binary)
            """, ct).ConfigureAwait(false);
        while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
        {
            yield return new PublishedScore(
                await export.ReadAsync<string>(NpgsqlDbType.Text, ct).ConfigureAwait(false),
                await export.ReadAsync<int>(NpgsqlDbType.Integer, ct).ConfigureAwait(false),
                await export.ReadAsync<float>(NpgsqlDbType.Real, ct).ConfigureAwait(false),
                await export.ReadAsync<float>(NpgsqlDbType.Real, ct).ConfigureAwait(false),
                await export.ReadAsync<string>(NpgsqlDbType.Text, ct).ConfigureAwait(false),
                await export.ReadAsync<string[]>(NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false),
                await export.ReadAsync<float[]>(NpgsqlDbType.Array | NpgsqlDbType.Real, ct).ConfigureAwait(false));
        }
    }

    /// <summary>The run's clusters: id, score and the detectors that found each.</summary>
    public static async Task<List<(long ClusterId, float Score, string[] Detectors)>> ClustersAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select c.cluster_id, c.score, c.detectors from clusters c join detection_runs d using (detection_run_id)
            where d.pipeline_run_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var clusters = new List<(long, float, string[])>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            clusters.Add((reader.GetInt64(0), reader.GetFloat(1), (string[])reader[2]));
        }
        return clusters;
    }

    /// <summary>Which account (entities.id) is in which of the run's clusters.</summary>
    public static async Task<List<(int AccountId, long ClusterId)>> MembershipsAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select m.account_id, m.cluster_id from cluster_members m join clusters c using (cluster_id) join detection_runs d using (detection_run_id)
            where d.pipeline_run_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var members = new List<(int, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            members.Add((reader.GetInt32(0), reader.GetInt64(1)));
        }
        return members;
    }
}
