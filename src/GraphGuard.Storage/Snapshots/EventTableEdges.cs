using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Snapshots;

/// <summary>
/// Edges read from the events table within a window: the fallback until the run's graph is in memory (or if
/// loading it failed). events has no index on actor_id/target_id (ingest speed, 0001), so each call scans it.
/// </summary>
public sealed class EventTableEdges(NpgsqlDataSource dataSource, SnapshotWindow window) : IEdgeSource
{
    private const string InWindow = "($3::timestamptz is null or e.ts >= $3) and ($4::timestamptz is null or e.ts < $4)";

    // actions.name is collate "C", so "order by 4 desc, 1, 2, 3" is the in-memory graph's ordinal order.
    public Task<List<SubgraphEdge>> ClusterAsync(int[] members, int limit, CancellationToken ct) => EdgesAsync($"""
        with m as (select e.actor_id, e.target_id, e.action from events e where e.actor_id = any($1) and {InWindow}),
        kept as (select target_id from m group by target_id having count(distinct actor_id) >= 2 or target_id = any($1))
        select m.actor_id, m.target_id, a.name, count(*) from m join actions a on a.code = m.action
        where m.target_id in (select target_id from kept)
        group by 1, 2, 3 order by 4 desc, 1, 2, 3 limit $2
        """, members, limit, ct);

    public Task<List<SubgraphEdge>> TouchingAsync(int[] ids, int limit, CancellationToken ct) => EdgesAsync($"""
        select e.actor_id, e.target_id, a.name, count(*) from events e join actions a on a.code = e.action
        where (e.actor_id = any($1) or e.target_id = any($1)) and {InWindow}
        group by 1, 2, 3 order by 4 desc, 1, 2, 3 limit $2
        """, ids, limit, ct);

    private async Task<List<SubgraphEdge>> EdgesAsync(string sql, int[] ids, int limit, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)window.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)window.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var edges = new List<SubgraphEdge>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            edges.Add(new SubgraphEdge(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3)));
        }
        return edges;
    }
}
