using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Workspace;

/// <summary>
/// Analysts' decisions (<c>analyst_decisions</c>) and the training labels they become (<c>labels</c>, source
/// 'analyst'). A decision is one batch: one row per account it covers, written with its labels in one
/// transaction. Undo marks the batch undone and deletes exactly the labels it wrote, so the next training
/// reads what it would have read without it.
/// </summary>
public static class DecisionStore
{
    public const string LabelSource = "analyst";

    /// <summary>How many of <paramref name="accountIds"/> already carry a standing (not undone) analyst decision.</summary>
    public static async Task<int> AlreadyDecidedAsync(NpgsqlDataSource dataSource, int[] accountIds, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select count(distinct account_id) from analyst_decisions where account_id = any($1) and undone_at is null
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = accountIds });
        return (int)(long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>Records the decision and, unless it is an escalation, its labels; returns the batch id and the decision time.</summary>
    public static async Task<(long BatchId, DateTime DecidedAt)> RecordAsync(NpgsqlDataSource dataSource, DecisionRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.Targets.Select(t => t.AccountId).ToArray();
        var scores = request.Targets.Select(t => t.Score).ToArray();
        // One text per target: reasons are joined by a separator no reason contains, and split back in SQL.
        var reasons = request.Targets.Select(t => string.Join('\u001f', t.ReasonsShown)).ToArray();
        var label = DecisionLabels.Name(request.Label);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        long batch;
        DateTime decidedAt;
        // now() is the transaction's start: the decision and its labels carry the same time, which undo matches on.
        await using (var insert = new NpgsqlCommand("""
            with batch as (select nextval('analyst_decision_batches') as id)
            insert into analyst_decisions (batch_id, account_id, cluster_id, label, note, author, run_id, model_version, score, reasons_shown)
            select batch.id, t.account_id, $2, $3, $4, $5, $6, $7, t.score,
                   case when t.reasons = '' then '{}'::text[] else string_to_array(t.reasons, E'\x1f') end
            from batch, unnest($1::integer[], $8::real[], $9::text[]) as t(account_id, score, reasons)
            returning batch_id, decided_at
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = ids });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)request.ClusterId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            insert.Parameters.Add(new NpgsqlParameter { Value = label });
            insert.Parameters.Add(new NpgsqlParameter { Value = request.Reason });
            insert.Parameters.Add(new NpgsqlParameter { Value = request.Author });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)request.RunId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)request.ModelVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = scores, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
            insert.Parameters.Add(new NpgsqlParameter { Value = reasons });
            await using var reader = await insert.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            (batch, decidedAt) = (reader.GetInt64(0), reader.GetDateTime(1));
        }
        if (DecisionLabels.Trains(request.Label))
        {
            await using var labels = new NpgsqlCommand("""
                insert into labels (account_id, label, source, ts) select unnest($1::integer[]), $2, $3, now() on conflict do nothing
                """, connection);
            labels.Parameters.Add(new NpgsqlParameter { Value = ids });
            labels.Parameters.Add(new NpgsqlParameter { Value = label });
            labels.Parameters.Add(new NpgsqlParameter { Value = LabelSource });
            await labels.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (batch, decidedAt);
    }

    /// <summary>
    /// Undoes a batch: marks its rows undone and deletes the labels it wrote. Returns how many accounts it
    /// covered, 0 when there is no such batch, or null when it was undone already.
    /// </summary>
    public static async Task<int?> UndoAsync(NpgsqlDataSource dataSource, long batchId, string author, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand("select count(*), count(undone_at) from analyst_decisions where batch_id = $1", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = batchId });
            await using var reader = await exists.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            var (rows, undone) = (reader.GetInt64(0), reader.GetInt64(1));
            if (rows == 0 || undone > 0)
            {
                return rows == 0 ? 0 : null;
            }
        }
        await using (var labels = new NpgsqlCommand("""
            delete from labels l using analyst_decisions d
            where d.batch_id = $1 and l.account_id = d.account_id and l.label = d.label and l.source = $2 and l.ts = d.decided_at
            """, connection))
        {
            labels.Parameters.Add(new NpgsqlParameter { Value = batchId });
            labels.Parameters.Add(new NpgsqlParameter { Value = LabelSource });
            await labels.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        int count;
        await using (var undo = new NpgsqlCommand("update analyst_decisions set undone_at = now(), undone_by = $2 where batch_id = $1", connection))
        {
            undo.Parameters.Add(new NpgsqlParameter { Value = batchId });
            undo.Parameters.Add(new NpgsqlParameter { Value = author });
            count = await undo.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return count;
    }

    /// <summary>The audit trail, newest batch first; only those touching one account when <paramref name="accountId"/> is given.</summary>
    public static async Task<List<DecisionEntry>> AuditAsync(NpgsqlDataSource dataSource, int? accountId, int limit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select d.batch_id, min(d.label), min(d.note), min(d.author), min(d.decided_at), min(d.cluster_id), count(*)::int,
                   (select e.external_id from entities e where e.id = min(d.account_id)), min(d.run_id), min(d.model_version),
                   -- One member's reasons (array_agg cannot stack reason arrays of different lengths).
                   (select r.reasons_shown from analyst_decisions r where r.batch_id = d.batch_id order by r.account_id limit 1),
                   min(d.undone_at), min(d.undone_by)
            from analyst_decisions d
            where $1::integer is null or d.batch_id in (select batch_id from analyst_decisions where account_id = $1)
            group by d.batch_id order by d.batch_id desc limit $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)accountId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var entries = new List<DecisionEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            entries.Add(new DecisionEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDateTime(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetInt32(6), reader.IsDBNull(7) ? "" : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? [] : (string[])reader[10], reader.IsDBNull(11) ? null : reader.GetDateTime(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        return entries;
    }

    /// <summary>Every label an account carries (ingested and analysts'), newest first.</summary>
    public static async Task<List<AccountLabelEntry>> LabelsAsync(NpgsqlDataSource dataSource, int accountId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select label, source, ts from labels where account_id = $1 order by ts desc nulls last, label");
        cmd.Parameters.Add(new NpgsqlParameter { Value = accountId });
        var labels = new List<AccountLabelEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            labels.Add(new AccountLabelEntry(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2)));
        }
        return labels;
    }

    /// <summary>The clusters among <paramref name="clusterIds"/> with a standing decision on the whole cluster.</summary>
    public static async Task<HashSet<long>> DecidedClustersAsync(NpgsqlDataSource dataSource, long[] clusterIds, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select distinct cluster_id from analyst_decisions where cluster_id = any($1) and undone_at is null
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = clusterIds });
        var decided = new HashSet<long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            decided.Add(reader.GetInt64(0));
        }
        return decided;
    }
}
