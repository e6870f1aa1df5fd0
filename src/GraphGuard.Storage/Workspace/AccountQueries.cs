using Npgsql;

namespace GraphGuard.Storage.Workspace;

/// <summary>Accounts for the workspace's pages: one by external id, many by graph id, a cluster's members.</summary>
public static class AccountQueries
{
    /// <summary>The account named <paramref name="externalId"/>, or null.</summary>
    public static async Task<WorkspaceAccount?> FindAsync(NpgsqlDataSource dataSource, string externalId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select e.id, e.external_id, a.created_at, a.country from entities e left join accounts a on a.account_id = e.id
            where e.kind = 1 and e.external_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = externalId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? new WorkspaceAccount(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }

    /// <summary>Up to <paramref name="limit"/> members of a cluster, core first, with their accounts' creation times.</summary>
    public static async Task<List<ClusterMemberAccount>> ClusterMembersAsync(NpgsqlDataSource dataSource, long clusterId, int limit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select m.account_id, e.external_id, m.role, a.created_at
            from cluster_members m join entities e on e.id = m.account_id left join accounts a on a.account_id = m.account_id
            where m.cluster_id = $1 order by m.role, e.external_id limit $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var members = new List<ClusterMemberAccount>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            members.Add(new ClusterMemberAccount(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
        }
        return members;
    }

    /// <summary>
    /// The graph features the pipeline run <paramref name="runId"/> computed for <paramref name="accountIds"/> (its
    /// feature run of kind 'graph'); no names when the run kept none.
    /// </summary>
    public static async Task<AccountFeatureValues> GraphFeaturesAsync(NpgsqlDataSource dataSource, long runId, int[] accountIds, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            with run as (select feature_run_id, names from feature_runs where pipeline_run_id = $1 and kind = 'graph' order by feature_run_id desc limit 1)
            select run.names, f.account_id, f.vals from run left join account_features f on f.feature_run_id = run.feature_run_id and f.account_id = any($2)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = accountIds });
        string[] names = [];
        var values = new Dictionary<int, float[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            names = (string[])reader[0];
            if (!reader.IsDBNull(1))
            {
                values[reader.GetInt32(1)] = (float[])reader[2];
            }
        }
        return new AccountFeatureValues(names, values);
    }

    /// <summary>Creation times of the given accounts (those that have an accounts row).</summary>
    public static async Task<Dictionary<int, DateTime>> CreatedAtAsync(NpgsqlDataSource dataSource, int[] accountIds, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select account_id, created_at from accounts where account_id = any($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = accountIds });
        var created = new Dictionary<int, DateTime>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            created[reader.GetInt32(0)] = reader.GetDateTime(1);
        }
        return created;
    }

    /// <summary>The published run's clusters an account is in (id, role), best first.</summary>
    public static async Task<List<(long ClusterId, string Role)>> ClustersOfAsync(NpgsqlDataSource dataSource, int accountId, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select m.cluster_id, m.role from cluster_members m join clusters c using (cluster_id) join detection_runs d using (detection_run_id)
            where m.account_id = $1 and d.pipeline_run_id = $2 order by c.score desc
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = accountId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var clusters = new List<(long, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            clusters.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return clusters;
    }
}
