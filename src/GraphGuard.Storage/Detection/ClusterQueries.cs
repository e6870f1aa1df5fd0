using GraphGuard.Storage.Pipeline;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Detection;

/// <summary>
/// Reads stored clusters for people: the CLI by detection run, the service by pipeline run (a filtered, ordered
/// page), one cluster with its evidence and members, and a run's members as CSV. <see cref="ClusterStore"/> writes them.
/// </summary>
public static class ClusterQueries
{
    private const string SummaryColumns = """
        c.cluster_id, c.detection_run_id, c.detectors, c.size, c.core_size, c.score, c.first_activity, c.last_activity,
        coalesce((select sentence from cluster_evidence e where e.cluster_id = c.cluster_id order by ordinal limit 1), ''), d.pipeline_run_id,
        k.campaign_id, k.first_seen_run, k.first_seen, k.first_size, k.last_seen_run, k.last_seen,
        (select count(*)::integer from clusters o where o.campaign_id = c.campaign_id), c.previous_cluster_id, c.previous_size, c.joined, c."left"
        """;

    private const string SummaryFrom = "clusters c join detection_runs d using (detection_run_id) join campaigns k using (campaign_id)";

    /// <summary>The latest detection run's id, or null when there is none.</summary>
    public static async Task<int?> LatestRunAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select max(detection_run_id) from detection_runs");
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is int id ? id : null;
    }

    /// <summary>The detection run <paramref name="run"/> when given, else the latest; fails when none is stored yet.</summary>
    public static async Task<int> RunOrLatestAsync(NpgsqlDataSource dataSource, int? run, CancellationToken ct = default) =>
        run ?? await LatestRunAsync(dataSource, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("no detection run is stored yet: run 'graphguard detect' first");

    /// <summary>Clusters of a detection run, best first, optionally only those a given detector contributed to.</summary>
    public static async Task<List<ClusterSummary>> ListAsync(NpgsqlDataSource dataSource, int detectionRunId, string? detector, int limit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"""
            select {SummaryColumns} from {SummaryFrom}
            where c.detection_run_id = $1 and ($2::text is null or $2 = any(c.detectors))
            order by c.score desc, c.size desc, c.cluster_id limit $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = detectionRunId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)detector ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var list = new List<ClusterSummary>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(Summary(reader));
        }
        return list;
    }

    /// <summary>A page of a pipeline run's clusters (optionally those one detector contributed to), ordered by score or size, and how many match.</summary>
    public static async Task<(List<ClusterSummary> Page, int Total)> PageAsync(NpgsqlDataSource dataSource, long pipelineRunId, string? detector,
        bool bySize, int limit, int offset, CancellationToken ct = default)
    {
        var order = bySize ? "c.size desc, c.score desc" : "c.score desc, c.size desc";
        await using var cmd = dataSource.CreateCommand($"""
            select {SummaryColumns}, count(*) over ()
            from {SummaryFrom}
            where d.pipeline_run_id = $1 and ($2::text is null or $2 = any(c.detectors))
            order by {order}, c.cluster_id limit $3 offset $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = pipelineRunId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)detector ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = offset });
        var page = new List<ClusterSummary>();
        var total = 0;
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                page.Add(Summary(reader));
                total = (int)reader.GetInt64(21);
            }
        }
        if (page.Count == 0 && offset > 0)
        {
            total = await CountAsync(dataSource, pipelineRunId, detector, ct).ConfigureAwait(false);
        }
        return (page, total);
    }

    /// <summary>One cluster's summary, or null when there is no such cluster.</summary>
    public static async Task<ClusterSummary?> SummaryAsync(NpgsqlDataSource dataSource, long clusterId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand($"select {SummaryColumns} from {SummaryFrom} where c.cluster_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? Summary(reader) : null;
    }

    /// <summary>A cluster's evidence in order.</summary>
    public static async Task<List<StoredEvidence>> EvidenceAsync(NpgsqlDataSource dataSource, long clusterId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select kind, numbers::text, examples, sentence from cluster_evidence where cluster_id = $1 order by ordinal");
        cmd.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        var evidence = new List<StoredEvidence>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            evidence.Add(new StoredEvidence(reader.GetString(0), reader.GetString(1), (string[])reader[2], reader.GetString(3)));
        }
        return evidence;
    }

    /// <summary>Up to <paramref name="limit"/> members, core first, then by external id.</summary>
    public static async Task<List<ClusterMember>> MembersAsync(NpgsqlDataSource dataSource, long clusterId, int limit = int.MaxValue, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select m.account_id, e.external_id, m.role from cluster_members m join entities e on e.id = m.account_id
            where m.cluster_id = $1 order by m.role, e.external_id limit $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var members = new List<ClusterMember>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            members.Add(new ClusterMember(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }
        return members;
    }

    /// <summary>One cluster with its evidence and every member, or null when there is no such cluster.</summary>
    public static async Task<ClusterDetail?> ShowAsync(NpgsqlDataSource dataSource, long clusterId, CancellationToken ct = default) =>
        await SummaryAsync(dataSource, clusterId, ct).ConfigureAwait(false) is { } summary
            ? new ClusterDetail(summary, await EvidenceAsync(dataSource, clusterId, ct).ConfigureAwait(false),
                await MembersAsync(dataSource, clusterId, ct: ct).ConfigureAwait(false))
            : null;

    /// <summary>Every member of every cluster of a run as CSV: <c>cluster_id,account_id,role,cluster_score,detectors</c>; returns the rows written.</summary>
    public static async Task<long> ExportAsync(NpgsqlDataSource dataSource, int detectionRunId, TextWriter writer, CancellationToken ct = default)
    {
        await writer.WriteLineAsync("cluster_id,account_id,role,cluster_score,detectors".AsMemory(), ct).ConfigureAwait(false);
        await using var cmd = dataSource.CreateCommand("""
            select c.cluster_id, e.external_id, m.role, c.score, array_to_string(c.detectors, '|')
            from clusters c join cluster_members m using (cluster_id) join entities e on e.id = m.account_id
            where c.detection_run_id = $1 order by c.score desc, c.cluster_id, e.external_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = detectionRunId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        long rows = 0;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var score = reader.GetFloat(3).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
            await writer.WriteLineAsync($"{reader.GetInt64(0)},{CsvField.Quote(reader.GetString(1))},{reader.GetString(2)},{score},{CsvField.Quote(reader.GetString(4))}".AsMemory(), ct).ConfigureAwait(false);
            rows++;
        }
        return rows;
    }

    private static async Task<int> CountAsync(NpgsqlDataSource dataSource, long pipelineRunId, string? detector, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select count(*) from clusters c join detection_runs d using (detection_run_id)
            where d.pipeline_run_id = $1 and ($2::text is null or $2 = any(c.detectors))
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = pipelineRunId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)detector ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (int)(long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static ClusterSummary Summary(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt32(1), (string[])r[2], r.GetInt32(3), r.GetInt32(4), r.GetFloat(5),
        r.IsDBNull(6) ? null : r.GetDateTime(6), r.IsDBNull(7) ? null : r.GetDateTime(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetInt64(9),
        new CampaignHistory(r.GetInt64(10), r.IsDBNull(11) ? null : r.GetInt32(11), r.GetDateTime(12), r.GetInt32(13), r.IsDBNull(14) ? null : r.GetInt32(14),
            r.GetDateTime(15), r.GetInt32(16), r.IsDBNull(17) ? null : r.GetInt64(17), r.IsDBNull(18) ? null : r.GetInt32(18), r.GetInt32(19), r.GetInt32(20)));
}
