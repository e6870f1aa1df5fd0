using GraphGuard.Core.Domain;
using Npgsql;

namespace GraphGuard.Storage.Inspection;

/// <summary>What the interaction store holds: rows per table, entities per kind, events per action.</summary>
public sealed record StoreStatistics(
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyDictionary<string, long> EntitiesByKind,
    IReadOnlyDictionary<string, long> EventsByAction,
    IReadOnlyDictionary<string, long> LabelsByLabel,
    IReadOnlyDictionary<string, long> QuarantineByReason,
    DateTime? FirstEvent,
    DateTime? LastEvent)
{
    public static async Task<StoreStatistics> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        var tables = new Dictionary<string, long>();
        foreach (var table in new[] { "entities", "accounts", "content", "events", "content_signals", "labels", "content_labels", "quarantine", "ingest_runs" })
        {
            tables[table] = await ScalarAsync<long>(dataSource, $"select count(*) from {table}", ct).ConfigureAwait(false);
        }
        var kinds = (await GroupAsync(dataSource, "select kind::text, count(*) from entities group by kind", ct).ConfigureAwait(false))
            .ToDictionary(p => ((EntityKind)short.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)).WireName(), p => p.Value);
        return new StoreStatistics(
            tables,
            kinds,
            await GroupAsync(dataSource, "select a.name, count(*) from events e join actions a on a.code = e.action group by a.name", ct).ConfigureAwait(false),
            await GroupAsync(dataSource, "select label, count(distinct account_id) from labels group by label", ct).ConfigureAwait(false),
            await GroupAsync(dataSource, "select reason, count(*) from quarantine group by reason", ct).ConfigureAwait(false),
            await ScalarAsync<DateTime?>(dataSource, "select min(ts) from events", ct).ConfigureAwait(false),
            await ScalarAsync<DateTime?>(dataSource, "select max(ts) from events", ct).ConfigureAwait(false));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        var value = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull or null ? default! : (T)value;
    }

    private static async Task<IReadOnlyDictionary<string, long>> GroupAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        var groups = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var cmd = dataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            groups[reader.GetString(0)] = reader.GetInt64(1);
        }
        return groups;
    }
}
