using Npgsql;

namespace GraphGuard.Storage.Service;

/// <summary>
/// Reads <c>band_changes</c> after a change id. A publication writes its changes in one transaction that
/// first locks <c>publications</c>, so change ids become visible in increasing order with no gaps filled in
/// later: paging by "id greater than the last one seen" never skips or repeats a change across publishes.
/// </summary>
public static class BandChangeFeed
{
    public static async Task<List<BandChange>> ReadAsync(NpgsqlDataSource dataSource, long afterChangeId, int limit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select b.change_id, e.external_id, b.old_band, b.new_band, b.score, p.run_id, p.publication_id, p.kind, p.published_at
            from band_changes b join publications p using (publication_id) join entities e on e.id = b.account_id
            where b.change_id > $1 order by b.change_id limit $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = afterChangeId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var changes = new List<BandChange>(Math.Min(limit, 1024));
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            changes.Add(new BandChange(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFloat(4), reader.GetInt64(5),
                reader.GetInt64(6), reader.GetString(7), reader.GetDateTime(8)));
        }
        return changes;
    }
}
