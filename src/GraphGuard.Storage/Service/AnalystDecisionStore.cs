using GraphGuard.Core.Domain;
using Npgsql;

namespace GraphGuard.Storage.Service;

/// <summary>
/// Records an analyst's decision in one transaction: a row in <c>analyst_decisions</c> per account (with the
/// cluster when the decision covered a whole cluster) and the same label in <c>labels</c> (source
/// <see cref="Source"/>), which the next training reads.
/// </summary>
public static class AnalystDecisionStore
{
    /// <summary><c>labels.source</c> of labels analysts gave.</summary>
    public const string Source = "analyst";

    /// <summary>The accounts (entities.id, external id) a decision covers; empty when the account or cluster does not exist.</summary>
    public static async Task<List<(int Id, string ExternalId)>> TargetsAsync(NpgsqlDataSource dataSource, string? accountId, long? clusterId, CancellationToken ct = default)
    {
        await using var cmd = accountId is not null
            ? dataSource.CreateCommand("select id, external_id from entities where kind = $2 and external_id = $1")
            : dataSource.CreateCommand("select e.id, e.external_id from cluster_members m join entities e on e.id = m.account_id where m.cluster_id = $1 order by e.external_id");
        cmd.Parameters.Add(accountId is not null ? new NpgsqlParameter { Value = accountId } : new NpgsqlParameter { Value = clusterId!.Value });
        if (accountId is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = (short)EntityKind.Account });
        }
        var targets = new List<(int, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            targets.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        return targets;
    }

    /// <summary>Records the decision on <paramref name="accountIds"/> (entities.id); returns when it was decided.</summary>
    public static async Task<DateTime> RecordAsync(NpgsqlDataSource dataSource, int[] accountIds, long? clusterId, string label, string note, string author,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        DateTime decidedAt;
        // now() is the transaction's start: the decision and its labels carry the same time.
        await using (var insert = new NpgsqlCommand("""
            insert into analyst_decisions (account_id, cluster_id, label, note, author)
            select unnest($1::integer[]), $2, $3, $4, $5 returning decided_at
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = accountIds });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)clusterId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            insert.Parameters.Add(new NpgsqlParameter { Value = label });
            insert.Parameters.Add(new NpgsqlParameter { Value = note });
            insert.Parameters.Add(new NpgsqlParameter { Value = author });
            decidedAt = (DateTime)(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }
        await using (var insert = new NpgsqlCommand("""
            insert into labels (account_id, label, source, ts) select unnest($1::integer[]), $2, $3, now() on conflict do nothing
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = accountIds });
            insert.Parameters.Add(new NpgsqlParameter { Value = label });
            insert.Parameters.Add(new NpgsqlParameter { Value = Source });
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return decidedAt;
    }
}
