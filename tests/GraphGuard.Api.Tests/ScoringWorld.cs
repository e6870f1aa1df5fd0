using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Api.Tests;

/// <summary>
/// Fixture data for the service, written as rows into the real tables (no mocks): a small world of accounts,
/// a device, content and events, and clusters; its scored runs and publications are <see cref="PublishedRun"/>'s.
/// </summary>
internal static class ScoringWorld
{
    public const int Accounts = 20;
    public const int DeviceId = 100;
    public const int ContentId = 101;

    /// <summary>Accounts a0..a19 (entities.id 1..20), device d1, content c1, and events among them.</summary>
    public static async Task CreateAsync(NpgsqlDataSource dataSource)
    {
        await ExecAsync(dataSource, $"""
            insert into entities (id, kind, external_id) select i + 1, 1, 'a' || i from generate_series(0, {Accounts - 1}) i;
            insert into entities (id, kind, external_id) values ({DeviceId}, 3, 'd1'), ({ContentId}, 2, 'c1');
            insert into accounts (account_id, created_at) select i, '2026-01-01' from generate_series(1, {Accounts}) i;
            insert into content (content_id, author_id, created_at, text) values ({ContentId}, 5, '2026-01-02', 'hello');
            -- a1 follows a2 three times, a2 follows a3 once, a1..a3 log in from d1, a4 posts c1 and a1 likes it.
            insert into events (ts, actor_id, target_id, action, event_id) values
                ('2026-01-03', 2, 3, 1, 'e1'), ('2026-01-04', 2, 3, 1, 'e2'), ('2026-01-05', 2, 3, 1, 'e3'),
                ('2026-01-03', 3, 4, 1, 'e4'),
                ('2026-01-03', 2, {DeviceId}, 8, 'e5'), ('2026-01-03', 3, {DeviceId}, 8, 'e6'), ('2026-01-03', 4, {DeviceId}, 8, 'e7'),
                ('2026-01-03', 5, {ContentId}, 10, 'e8'), ('2026-01-04', 2, {ContentId}, 2, 'e9'),
                ('2026-01-04', 7, 8, 5, 'e10');
            """);
    }

    /// <summary>
    /// The world with one published run (model m-1, every account 0.9) that holds one lockstep cluster (a1, a2 core,
    /// a3 periphery): the fixture the hostile-input and outage tests share. Returns the run and the cluster.
    /// </summary>
    public static async Task<(long RunId, long ClusterId)> PublishedAsync(NpgsqlDataSource dataSource)
    {
        await CreateAsync(dataSource);
        var runId = await PublishedRun.ScoredAsync(dataSource, "m-1", i => 0.9f);
        var clusterId = await ClusterAsync(dataSource, runId, ["lockstep"], 0.9f, [2, 3], [4]);
        await PublishedRun.PublishAsync(dataSource, runId);
        return (runId, clusterId);
    }

    /// <summary>A detection run of <paramref name="runId"/> with one cluster of the given members (entities.id, core first).</summary>
    public static async Task<long> ClusterAsync(NpgsqlDataSource dataSource, long runId, string[] detectors, float score, int[] core, int[] periphery)
    {
        var detection = await ScalarAsync(dataSource, "insert into detection_runs (pipeline_run_id) values ($1) returning detection_run_id", runId);
        var campaign = await ScalarAsync(dataSource, """
            insert into campaigns (first_seen_run, first_seen, first_size, last_seen_run, last_seen)
            values ($1, '2026-01-06', $2, $1, '2026-01-06') returning campaign_id
            """, (int)detection, core.Length + periphery.Length);
        var clusterId = await ScalarAsync(dataSource, """
            insert into clusters (detection_run_id, detectors, size, core_size, score, first_activity, last_activity, campaign_id, joined)
            values ($1, $2, $3, $4, $5, '2026-01-03', '2026-01-05', $6, $3) returning cluster_id
            """, (int)detection, detectors, core.Length + periphery.Length, core.Length, score, campaign);
        await ExecAsync(dataSource, """
            insert into cluster_members (cluster_id, account_id, role)
            select $1, unnest($2::integer[]), 'core' union all select $1, unnest($3::integer[]), 'periphery'
            """, clusterId, core, periphery);
        await ExecAsync(dataSource, """
            insert into cluster_evidence (cluster_id, ordinal, kind, numbers, examples, sentence) values
                ($1, 0, 'shared_infrastructure', '{"accounts": 3}', '{device:d1}', 'All 3 accounts logged in from device d1.'),
                ($1, 1, 'lockstep', '{"events": 4}', '{}', 'They followed the same accounts within minutes.')
            """, clusterId);
        return clusterId;
    }

    public static async Task ExecAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
