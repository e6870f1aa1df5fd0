using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Ingest;

/// <summary>Writes refused rows to <c>quarantine</c>, once per (file, line, raw bytes) however often a file is ingested.</summary>
internal static class QuarantineWriter
{
    public const string StageDdl = """
        create temp table if not exists stage_quarantine (
            file text, line bigint, field text, reason text, detail text, raw bytea, raw_length bigint
        ) on commit delete rows
        """;

    public static async Task WriteAsync(NpgsqlConnection connection, int runId, IReadOnlyList<QuarantinedRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using (var import = await connection.BeginBinaryImportAsync("copy stage_quarantine from stdin (format binary)", ct).ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                import.StartRow();
                import.Write(row.File, NpgsqlDbType.Text);
                import.Write(row.Line, NpgsqlDbType.Bigint);
                if (row.Field is null)
                {
                    import.WriteNull();
                }
                else
                {
                    import.Write(row.Field, NpgsqlDbType.Text);
                }
                import.Write(row.Reason, NpgsqlDbType.Text);
                import.Write(row.Detail, NpgsqlDbType.Text);
                import.Write(row.Raw, NpgsqlDbType.Bytea);
                import.Write(row.RawLength, NpgsqlDbType.Bigint);
            }
            await import.CompleteAsync(ct).ConfigureAwait(false);
        }
        await using var merge = new NpgsqlCommand("""
            insert into quarantine (run_id, file, line, field, reason, detail, raw, raw_length)
            select $1, file, line, field, reason, detail, raw, raw_length from stage_quarantine
            on conflict (file, line, md5(raw)) do nothing
            """, connection)
        {
            Parameters = { new() { Value = runId } },
        };
        await merge.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
