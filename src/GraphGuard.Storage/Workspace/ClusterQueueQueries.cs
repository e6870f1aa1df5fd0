using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Workspace;

/// <summary>The workspace's queue: every cluster of a published run, matched to the previously published run's clusters.</summary>
public static class ClusterQueueQueries
{
    /// <summary>
    /// The run published before <paramref name="runId"/> was last published (a different run), or null when it is the first.
    /// New and growing clusters are measured against it: what the analysts saw before this publication.
    /// </summary>
    public static async Task<long?> PreviousPublishedRunAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select p.run_id from publications p
            where p.publication_id < (select max(publication_id) from publications where run_id = $1) and p.run_id <> $1
            order by p.publication_id desc limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is long previous ? previous : null;
    }

    /// <summary>
    /// Every cluster of <paramref name="runId"/>, best first, each with the cluster of <paramref name="previousRunId"/> it shares
    /// most members with (ties to the smaller id).
    /// </summary>
    public static async Task<List<QueuedCluster>> ListAsync(NpgsqlDataSource dataSource, long runId, long? previousRunId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            with current_clusters as (
                select c.* from clusters c join detection_runs d using (detection_run_id) where d.pipeline_run_id = $1),
            previous_clusters as (
                select c.* from clusters c join detection_runs d using (detection_run_id) where d.pipeline_run_id = $2),
            overlap as (
                select distinct on (m.cluster_id) m.cluster_id, p.cluster_id as previous_id, p.size as previous_size, count(*) as shared
                from cluster_members m join current_clusters c using (cluster_id)
                join cluster_members pm on pm.account_id = m.account_id
                join previous_clusters p on p.cluster_id = pm.cluster_id
                group by m.cluster_id, p.cluster_id, p.size
                order by m.cluster_id, count(*) desc, p.cluster_id)
            select c.cluster_id, c.score, c.size, c.core_size, c.detectors, c.first_activity, c.last_activity,
                   coalesce((select sentence from cluster_evidence e where e.cluster_id = c.cluster_id order by ordinal limit 1), ''),
                   o.previous_id, coalesce(o.previous_size, 0), coalesce(o.shared, 0)
            from current_clusters c left join overlap o using (cluster_id)
            order by c.score desc, c.size desc, c.cluster_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)previousRunId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        var clusters = new List<QueuedCluster>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            clusters.Add(new QueuedCluster(reader.GetInt64(0), reader.GetFloat(1), reader.GetInt32(2), reader.GetInt32(3), (string[])reader[4],
                reader.IsDBNull(5) ? null : reader.GetDateTime(5), reader.IsDBNull(6) ? null : reader.GetDateTime(6), reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.GetInt32(9), (int)reader.GetInt64(10)));
        }
        return clusters;
    }
}
