using System.Text.Json;
using GraphGuard.Api.Json;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Api.Data;

/// <summary>The published run's clusters for analysts: a filtered, ordered page, and one cluster in full.</summary>
internal static class ClusterQueries
{
    private const string SummaryColumns = """
        c.cluster_id, d.pipeline_run_id, c.score, c.size, c.core_size, c.detectors, c.first_activity, c.last_activity,
        coalesce((select sentence from cluster_evidence e where e.cluster_id = c.cluster_id order by ordinal limit 1), '')
        """;

    /// <summary>Clusters of the run (optionally those one detector contributed to), ordered by score or size, and how many match.</summary>
    public static async Task<(List<ClusterSummaryView> Page, int Total)> ListAsync(NpgsqlDataSource dataSource, long runId, string? detector,
        bool bySize, int limit, int offset, CancellationToken ct)
    {
        var order = bySize ? "c.size desc, c.score desc" : "c.score desc, c.size desc";
        await using var cmd = dataSource.CreateCommand($"""
            select {SummaryColumns}, count(*) over ()
            from clusters c join detection_runs d using (detection_run_id)
            where d.pipeline_run_id = $1 and ($2::text is null or $2 = any(c.detectors))
            order by {order}, c.cluster_id limit $3 offset $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)detector ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = offset });
        var page = new List<ClusterSummaryView>();
        var total = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            page.Add(Summary(reader));
            total = (int)reader.GetInt64(9);
        }
        if (page.Count == 0 && offset > 0)
        {
            total = await CountAsync(dataSource, runId, detector, ct).ConfigureAwait(false);
        }
        return (page, total);
    }

    /// <summary>A cluster's summary and evidence, or null when there is no such cluster.</summary>
    public static async Task<(ClusterSummaryView Summary, List<EvidenceView> Evidence)?> ShowAsync(NpgsqlDataSource dataSource, long clusterId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        ClusterSummaryView summary;
        await using (var cmd = new NpgsqlCommand($"""
            select {SummaryColumns} from clusters c join detection_runs d using (detection_run_id) where c.cluster_id = $1
            """, connection) { Parameters = { new() { Value = clusterId } } })
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return null;
            }
            summary = Summary(reader);
        }
        var evidence = new List<EvidenceView>();
        await using (var cmd = new NpgsqlCommand("select kind, numbers::text, examples, sentence from cluster_evidence where cluster_id = $1 order by ordinal", connection)
        {
            Parameters = { new() { Value = clusterId } },
        })
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                using var numbers = JsonDocument.Parse(reader.GetString(1));
                evidence.Add(new EvidenceView(reader.GetString(0), numbers.RootElement.Clone(), (string[])reader[2], reader.GetString(3)));
            }
        }
        return (summary, evidence);
    }

    /// <summary>Up to <paramref name="limit"/> members (core first) as (entities.id, external id, role).</summary>
    public static async Task<List<(int Id, string ExternalId, string Role)>> MembersAsync(NpgsqlDataSource dataSource, long clusterId, int limit, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select m.account_id, e.external_id, m.role from cluster_members m join entities e on e.id = m.account_id
            where m.cluster_id = $1 order by m.role, e.external_id limit $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var members = new List<(int, string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            members.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }
        return members;
    }

    private static async Task<int> CountAsync(NpgsqlDataSource dataSource, long runId, string? detector, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select count(*) from clusters c join detection_runs d using (detection_run_id)
            where d.pipeline_run_id = $1 and ($2::text is null or $2 = any(c.detectors))
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)detector ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (int)(long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static ClusterSummaryView Summary(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.IsDBNull(1) ? 0 : r.GetInt64(1), r.GetFloat(2), r.GetInt32(3), r.GetInt32(4), (string[])r[5],
        r.IsDBNull(6) ? null : r.GetDateTime(6), r.IsDBNull(7) ? null : r.GetDateTime(7), r.GetString(8));
}
