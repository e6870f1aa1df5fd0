using System.Diagnostics;
using GraphGuard.Storage.Database;
using Npgsql;

namespace GraphGuard.Storage.Benchmarks;

/// <summary>
/// The yardstick for ingest speed: PostgreSQL's own CSV COPY of the same events file into a plain table
/// with no index, no validation and no id mapping. The client only shovels the file's text to the server.
/// </summary>
public static class RawCopyReference
{
    public static async Task<(long Rows, TimeSpan Elapsed)> CopyEventsAsync(NpgsqlDataSource dataSource, string eventsCsv, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, """
            drop table if exists bench_raw_events;
            create table bench_raw_events (event_id text, ts timestamptz, actor text, action text, target_type text, target text)
            """, ct).ConfigureAwait(false);
        try
        {
            var clock = Stopwatch.StartNew();
            await using (var file = File.OpenRead(eventsCsv))
            using (var reader = new StreamReader(file, bufferSize: 1 << 16))
            await using (var copy = await connection.BeginTextImportAsync("copy bench_raw_events from stdin (format csv, header true)", ct).ConfigureAwait(false))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = await reader.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    await copy.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }
            }
            var elapsed = clock.Elapsed;
            await using var count = new NpgsqlCommand("select count(*) from bench_raw_events", connection);
            return ((long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!, elapsed);
        }
        finally
        {
            await Sql.ExecuteAsync(connection, "drop table if exists bench_raw_events", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Flushes dirty buffers with a CHECKPOINT, so a measured phase does not pay for the writes of the one
    /// before it. Needs superuser or pg_checkpoint; without them it does nothing.
    /// </summary>
    public static async Task SettleAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await Sql.ExecuteAsync(connection, "checkpoint", ct).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // Measurements are still valid, only noisier.
        }
    }
}
