using GraphGuard.Core.Review;
using Npgsql;

namespace GraphGuard.Storage.Review;

/// <summary>A run's review queue (<c>review_items</c>): the candidates it is planned from, its items, and the items with their decisions.</summary>
public static class ReviewQueueStore
{
    /// <summary>
    /// Every account the run scored, in account order, with the run's best cluster it is a member of and whether an
    /// analyst's standing abusive or benign decision labels it already.
    /// </summary>
    public static async Task<List<ReviewCandidate>> CandidatesAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            with run_clusters as (
                select distinct on (m.account_id) m.account_id, c.cluster_id, c.size
                from cluster_members m join clusters c using (cluster_id) join detection_runs d using (detection_run_id)
                where d.pipeline_run_id = $1
                order by m.account_id, c.score desc, c.cluster_id),
            decided as (
                select distinct account_id from analyst_decisions where undone_at is null and label in ('abusive', 'benign'))
            select s.account_id, s.score, s.band, rc.cluster_id, coalesce(rc.size, 0), d.account_id is not null
            from risk_scores s left join run_clusters rc using (account_id) left join decided d using (account_id)
            where s.run_id = $1 order by s.account_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var candidates = new List<ReviewCandidate>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            candidates.Add(new ReviewCandidate(reader.GetInt32(0), reader.GetFloat(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.GetInt32(4), reader.GetBoolean(5)));
        }
        return candidates;
    }

    /// <summary>Replaces a run's queue in one transaction; returns the items written.</summary>
    public static async Task<int> ReplaceAsync(NpgsqlDataSource dataSource, long runId, IReadOnlyList<ReviewItem> items, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("delete from review_items where run_id = $1", connection) { Parameters = { new() { Value = runId } } })
        {
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var insert = new NpgsqlCommand("""
            insert into review_items (run_id, position, account_id, cluster_id, kind, stratum, score, inclusion, why)
            select $1, * from unnest($2::integer[], $3::integer[], $4::bigint[], $5::text[], $6::text[], $7::real[], $8::double precision[], $9::text[])
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = runId });
            insert.Parameters.Add(new NpgsqlParameter { Value = items.Select(i => i.Position).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = items.Select(i => i.AccountId).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = items.Select(i => i.ClusterId).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = items.Select(i => KindName(i.Kind)).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = items.Select(i => i.Stratum).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = items.Select(i => (float)i.Score).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = items.Select(i => i.Inclusion).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = items.Select(i => i.Why).ToArray() });
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return items.Count;
    }

    /// <summary>
    /// A run's queue in order, each item with the account's external id, its cluster's size, and the latest standing
    /// (not undone) analyst decision on the account, whenever it was made.
    /// </summary>
    public static async Task<List<QueuedReview>> ListAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select i.position, e.external_id, i.cluster_id, c.size, i.kind, i.stratum, i.score, i.inclusion, i.why, d.label, d.author, d.decided_at
            from review_items i join entities e on e.id = i.account_id
            left join clusters c on c.cluster_id = i.cluster_id
            left join lateral (
                select label, author, decided_at from analyst_decisions a
                where a.account_id = i.account_id and a.undone_at is null
                order by a.decided_at desc, a.decision_id desc limit 1) d on true
            where i.run_id = $1 order by i.position
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var items = new List<QueuedReview>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            items.Add(new QueuedReview(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetString(4), reader.GetString(5), reader.GetFloat(6), reader.GetDouble(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetDateTime(11)));
        }
        return items;
    }

    /// <summary>A run's queue size and how many of its items carry a standing decision on their account.</summary>
    public static async Task<(int Items, int Decided)> ProgressAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select count(*)::integer,
                   count(*) filter (where exists (select 1 from analyst_decisions a where a.account_id = i.account_id and a.undone_at is null))::integer
            from review_items i where i.run_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary><c>review_items.kind</c> of an item kind.</summary>
    public static string KindName(ReviewItemKind kind) => kind == ReviewItemKind.Random ? "random" : "uncertain";
}
