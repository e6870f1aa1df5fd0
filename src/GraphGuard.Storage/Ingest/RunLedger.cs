using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Ingest;

/// <summary>The <c>ingest_runs</c> ledger: one row per ingest, kept current batch by batch.</summary>
internal static class RunLedger
{
    /// <summary>Runs still 'running' while we hold the ingest lock belong to a process that died.</summary>
    public static async Task MarkInterruptedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update ingest_runs set status = 'interrupted', finished_at = now(),
                error = 'the ingest process ended before the run finished; rows of committed batches are kept'
            where status = 'running'
            """, connection);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public static async Task<int> StartAsync(NpgsqlConnection connection, string source, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("insert into ingest_runs (source, status) values ($1, 'running') returning run_id", connection)
        {
            Parameters = { new() { Value = source } },
        };
        return (int)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public static Task UpdateAsync(NpgsqlConnection connection, IngestSummary summary, CancellationToken ct) =>
        WriteAsync(connection, summary, status: "running", error: null, ct);

    public static Task FinishAsync(NpgsqlConnection connection, IngestSummary summary, string? error, CancellationToken ct) =>
        WriteAsync(connection, summary, error is null && summary.Succeeded ? "succeeded" : "failed",
            error ?? string.Join("; ", summary.Files.Where(f => f.Error is not null).Select(f => f.Error).Prepend(summary.Error).OfType<string>()), ct);

    private static async Task WriteAsync(NpgsqlConnection connection, IngestSummary summary, string status, string? error, CancellationToken ct)
    {
        var files = summary.Files.ToDictionary(f => Path.GetFileName(f.File), f => new
        {
            read = f.Read,
            loaded = f.Loaded,
            unchanged = f.Unchanged,
            quarantined = f.QuarantinedByReason,
            error = f.Error,
        });
        await using var cmd = new NpgsqlCommand("""
            update ingest_runs set status = $2, files = $3, rows_read = $4, rows_loaded = $5, rows_unchanged = $6,
                rows_quarantined = $7, error = nullif($8, ''),
                finished_at = case when $2 = 'running' then null else now() end
            where run_id = $1
            """, connection)
        {
            Parameters =
            {
                new() { Value = summary.RunId },
                new() { Value = status },
                new() { Value = JsonSerializer.Serialize(files), NpgsqlDbType = NpgsqlDbType.Jsonb },
                new() { Value = summary.Read },
                new() { Value = summary.Loaded },
                new() { Value = summary.Unchanged },
                new() { Value = summary.Quarantined },
                new() { Value = error ?? "" },
            },
        };
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
