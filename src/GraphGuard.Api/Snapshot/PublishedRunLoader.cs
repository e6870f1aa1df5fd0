using System.Text.Json;
using GraphGuard.Storage.Snapshots;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Api.Snapshot;

/// <summary>Reads the latest publication and builds the in-memory <see cref="PublishedRun"/> of its run.</summary>
internal static class PublishedRunLoader
{
    /// <summary>The latest publication (a rollback counts: it is a publication of an older run), or null when none.</summary>
    public static async Task<PublicationHead?> LatestAsync(NpgsqlDataSource dataSource, CancellationToken ct)
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

    /// <summary>Every score of the publication's run, with the clusters each account is in.</summary>
    public static async Task<PublishedRun> LoadAsync(NpgsqlDataSource dataSource, PublicationHead head, CancellationToken ct)
    {
        var (clustersOf, clusterCount) = await ClustersAsync(dataSource, head.RunId, ct).ConfigureAwait(false);
        var encoded = new Dictionary<string, JsonEncodedText>(StringComparer.Ordinal);
        JsonEncodedText Intern(string s)
        {
            if (!encoded.TryGetValue(s, out var e))
            {
                encoded[s] = e = JsonEncodedText.Encode(s);
            }
            return e;
        }
        var accounts = new Dictionary<string, AccountRisk>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        // Binary COPY: a million scores arrive in a couple of seconds instead of a row-by-row read.
        await using var export = await connection.BeginBinaryExportAsync($"""
            copy (select e.external_id, s.account_id, s.score, s.margin, s.band, s.reasons
                  from risk_scores s join entities e on e.id = s.account_id
                  where s.run_id = {head.RunId}) to stdout (format binary)
            """, ct).ConfigureAwait(false);
        while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
        {
            var externalId = await export.ReadAsync<string>(NpgsqlDbType.Text, ct).ConfigureAwait(false);
            var entityId = await export.ReadAsync<int>(NpgsqlDbType.Integer, ct).ConfigureAwait(false);
            var score = await export.ReadAsync<float>(NpgsqlDbType.Real, ct).ConfigureAwait(false);
            var margin = await export.ReadAsync<float>(NpgsqlDbType.Real, ct).ConfigureAwait(false);
            var band = string.Intern(await export.ReadAsync<string>(NpgsqlDbType.Text, ct).ConfigureAwait(false));
            var reasons = await export.ReadAsync<string[]>(NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
            accounts[externalId] = new AccountRisk(externalId, score, margin, band, Intern(band), Array.ConvertAll(reasons, Intern),
                clustersOf.TryGetValue(entityId, out var clusters) ? [.. clusters] : []);
        }
        return new PublishedRun(head, accounts, clusterCount);
    }

    /// <summary>The run's clusters per member account (entities.id), best cluster first.</summary>
    private static async Task<(Dictionary<int, List<ClusterRef>> ByAccount, int Count)> ClustersAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct)
    {
        var clusters = new Dictionary<long, ClusterRef>();
        var detectorNames = new Dictionary<string, JsonEncodedText>(StringComparer.Ordinal);
        await using (var cmd = dataSource.CreateCommand("""
            select c.cluster_id, c.score, c.detectors from clusters c join detection_runs d using (detection_run_id)
            where d.pipeline_run_id = $1
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var detectors = Array.ConvertAll((string[])reader[2], d =>
                    detectorNames.TryGetValue(d, out var e) ? e : detectorNames[d] = JsonEncodedText.Encode(d));
                clusters[reader.GetInt64(0)] = new ClusterRef(reader.GetInt64(0), reader.GetFloat(1), detectors);
            }
        }
        var byAccount = new Dictionary<int, List<ClusterRef>>();
        await using (var cmd = dataSource.CreateCommand("""
            select m.account_id, m.cluster_id from cluster_members m join clusters c using (cluster_id) join detection_runs d using (detection_run_id)
            where d.pipeline_run_id = $1
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var account = reader.GetInt32(0);
                if (!byAccount.TryGetValue(account, out var list))
                {
                    byAccount[account] = list = [];
                }
                list.Add(clusters[reader.GetInt64(1)]);
            }
        }
        foreach (var list in byAccount.Values)
        {
            list.Sort((a, b) => b.Score.CompareTo(a.Score));
        }
        return (byAccount, clusters.Count);
    }
}
