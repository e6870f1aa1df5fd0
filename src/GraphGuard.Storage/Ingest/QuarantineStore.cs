using Npgsql;

namespace GraphGuard.Storage.Ingest;

/// <summary>Reads the quarantine for people: what was refused, where, and why.</summary>
public static class QuarantineStore
{
    public static async Task<IReadOnlyList<QuarantineEntry>> ListAsync(NpgsqlDataSource dataSource, int? runId, string? reason, int limit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select run_id, file, line, field, reason, detail, raw
            from quarantine
            where ($1::int is null or run_id = $1) and ($2::text is null or reason = $2)
            order by quarantine_id desc
            limit $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)runId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var entries = new List<QuarantineEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            entries.Add(new QuarantineEntry(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5), (byte[])reader[6]));
        }
        return entries;
    }
}
