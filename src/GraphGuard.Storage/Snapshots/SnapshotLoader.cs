using System.Diagnostics;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Database;
using Npgsql;

namespace GraphGuard.Storage.Snapshots;

/// <summary>
/// Builds the <see cref="InteractionGraph"/> of a window from PostgreSQL. The events table is split into
/// block ranges read in parallel by binary COPY (TID range scans), every reader inside one exported MVCC
/// snapshot so the graph is a consistent cut even while an ingest runs; rows are decoded straight from
/// the COPY stream.
/// </summary>
public static class SnapshotLoader
{
    public static async Task<(InteractionGraph Graph, SnapshotTimings Timings)> LoadAsync(
        NpgsqlDataSource dataSource, SnapshotWindow window, int readers = 2, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        await using var coordinator = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await coordinator.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        var snapshot = (string)(await Sql.ScalarAsync(coordinator, "select pg_export_snapshot()", ct).ConfigureAwait(false))!;
        var kinds = await ReadKindsAsync(coordinator, ct).ConfigureAwait(false);
        var actions = await ReadActionsAsync(coordinator, ct).ConfigureAwait(false);
        var blocks = Convert.ToInt64(await Sql.ScalarAsync(coordinator,
            "select pg_relation_size('events') / current_setting('block_size')::bigint", ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);

        var builder = new InteractionGraphBuilder(kinds, window.TimeBase, actions);
        var per = (blocks + readers - 1) / Math.Max(1, readers);
        var ranges = Enumerable.Range(0, readers).Select(r => (From: r * per, To: r == readers - 1 ? long.MaxValue : (r + 1) * per)).ToList();
        await Task.WhenAll(ranges.Select(range => Task.Run(() =>
            ReadRangeAsync(dataSource, snapshot, window, range.From, range.To, builder.NewBatch(), ct), ct))).ConfigureAwait(false);
        var read = clock.Elapsed;
        var graph = builder.Build();
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (graph, new SnapshotTimings(read, clock.Elapsed - read));
    }

    private static async Task ReadRangeAsync(NpgsqlDataSource dataSource, string snapshot, SnapshotWindow window, long fromBlock, long toBlock,
        InteractionGraphBuilder.Batch batch, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
        await using (var set = new NpgsqlCommand($"set transaction snapshot '{snapshot}'", connection))
        {
            await set.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var baseMicros = (window.TimeBase - PostgresEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        // COPY takes no parameters, so the bounds are written as literals (numbers and formatted instants only).
        var conditions = new List<string> { $"ctid >= '({fromBlock},0)'::tid" };
        if (toBlock != long.MaxValue)
        {
            conditions.Add($"ctid < '({toBlock},0)'::tid");
        }
        if (window.From is { } from)
        {
            conditions.Add($"ts >= {Literal(from)}");
        }
        if (window.To is { } to)
        {
            conditions.Add($"ts < {Literal(to)}");
        }
        var sql = $"copy (select actor_id, target_id, action, ts from events where {string.Join(" and ", conditions)}) to stdout (format binary)";
        await using (var stream = await connection.BeginRawBinaryCopyAsync(sql, ct).ConfigureAwait(false))
        {
            ReadEvents(new BinaryCopyReader(stream), batch, baseMicros);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private static void ReadEvents(BinaryCopyReader reader, InteractionGraphBuilder.Batch batch, long baseMicros)
    {
        reader.ReadHeader();
        while (reader.NextRow(out var fields))
        {
            if (fields != 4)
            {
                throw new InvalidDataException($"snapshot COPY row has {fields} fields, expected 4");
            }
            var actor = reader.ReadInt32();
            var target = reader.ReadInt32();
            var action = reader.ReadInt16();
            var micros = reader.ReadInt64();
            if ((uint)action > byte.MaxValue)
            {
                throw new InvalidDataException($"action code {action} does not fit the graph's one-byte actions");
            }
            batch.Add(actor, target, (byte)action, checked((int)((micros - baseMicros) / 1_000_000)));
        }
    }

    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string Literal(DateTime value) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{value.ToUniversalTime():yyyy-MM-dd HH:mm:ss.ffffff}+00'::timestamptz");

    private static async Task<byte[]> ReadKindsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var count = Convert.ToInt32(await Sql.ScalarAsync(connection, "select coalesce(max(id) + 1, 0) from entities", ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var kinds = new byte[count];
        await using var stream = await connection.BeginRawBinaryCopyAsync("copy entities (id, kind) to stdout (format binary)", ct).ConfigureAwait(false);
        var reader = new BinaryCopyReader(stream);
        reader.ReadHeader();
        while (reader.NextRow(out _))
        {
            var id = reader.ReadInt32();
            kinds[id] = (byte)reader.ReadInt16();
        }
        return kinds;
    }

    private static async Task<string[]> ReadActionsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var names = new List<(short Code, string Name)>();
        await using var cmd = new NpgsqlCommand("select code, name from actions order by code", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            names.Add((reader.GetInt16(0), reader.GetString(1)));
        }
        var actions = new string[names.Count == 0 ? 1 : names.Max(n => n.Code) + 1];
        Array.Fill(actions, "");
        foreach (var (code, name) in names)
        {
            actions[code] = name;
        }
        return actions;
    }
}
