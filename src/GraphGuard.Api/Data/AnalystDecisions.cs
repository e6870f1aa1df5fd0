using GraphGuard.Api.Json;
using Npgsql;

namespace GraphGuard.Api.Data;

/// <summary>
/// Records an analyst's decision in one transaction: a row in <c>analyst_decisions</c> per account (with the
/// cluster when the decision covered a whole cluster) and the same label in <c>labels</c> (source 'analyst'),
/// which the next training reads.
/// </summary>
internal static class AnalystDecisions
{
    public const string Source = "analyst";

    /// <summary>The accounts (entities.id, external id) a decision covers; empty when the account or cluster does not exist.</summary>
    public static async Task<List<(int Id, string ExternalId)>> TargetsAsync(NpgsqlDataSource dataSource, string? accountId, long? clusterId, CancellationToken ct)
    {
        await using var cmd = accountId is not null
            ? dataSource.CreateCommand("select id, external_id from entities where kind = 1 and external_id = $1")
            : dataSource.CreateCommand("select e.id, e.external_id from cluster_members m join entities e on e.id = m.account_id where m.cluster_id = $1 order by e.external_id");
        cmd.Parameters.Add(accountId is not null ? new NpgsqlParameter { Value = accountId } : new NpgsqlParameter { Value = clusterId!.Value });
        var targets = new List<(int, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            targets.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        return targets;
    }

    public static async Task<LabelResultView> RecordAsync(NpgsqlDataSource dataSource, IReadOnlyList<(int Id, string ExternalId)> targets, long? clusterId,
        string label, string note, string author, CancellationToken ct)
    {
        var ids = targets.Select(t => t.Id).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        DateTime decidedAt;
        // now() is the transaction's start: the decision and its labels carry the same time.
        await using (var insert = new NpgsqlCommand("""
            insert into analyst_decisions (account_id, cluster_id, label, note, author)
            select unnest($1::integer[]), $2, $3, $4, $5 returning decided_at
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = ids });
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
            insert.Parameters.Add(new NpgsqlParameter { Value = ids });
            insert.Parameters.Add(new NpgsqlParameter { Value = label });
            insert.Parameters.Add(new NpgsqlParameter { Value = Source });
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new LabelResultView(label, note, author, decidedAt, clusterId, [.. targets.Select(t => t.ExternalId)]);
    }
}
