using GraphGuard.Storage.Snapshots;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Api.Data;

/// <summary>
/// Edges read from the events table within a window: the fallback until the run's graph is in memory (or if
/// loading it failed). events has no index on actor_id/target_id (ingest speed, 0001), so each call scans it.
/// </summary>
internal sealed class EventTableEdges(NpgsqlDataSource dataSource, SnapshotWindow window) : IEdgeSource
{
    public Task<List<SubgraphEdge>> AmongAsync(int[] ids, int limit, CancellationToken ct) =>
        EdgesAsync("e.actor_id = any($1) and e.target_id = any($1)", ids, limit, ct);

    public Task<List<SubgraphEdge>> TouchingAsync(int[] ids, int limit, CancellationToken ct) =>
        EdgesAsync("(e.actor_id = any($1) or e.target_id = any($1))", ids, limit, ct);

    private async Task<List<SubgraphEdge>> EdgesAsync(string where, int[] ids, int limit, CancellationToken ct)
    {
        // actions.name is collate "C", so this order is the in-memory graph's ordinal one.
        await using var cmd = dataSource.CreateCommand($"""
            select e.actor_id, e.target_id, a.name, count(*) from events e join actions a on a.code = e.action
            where {where} and ($3::timestamptz is null or e.ts >= $3) and ($4::timestamptz is null or e.ts < $4)
            group by 1, 2, 3 order by 4 desc, 1, 2, 3 limit $2
            """);
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
