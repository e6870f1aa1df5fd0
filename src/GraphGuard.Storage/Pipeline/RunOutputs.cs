using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Pipeline;

/// <summary>The pipeline run row itself: the window the snapshot stage fixes, and the model the run scores with.</summary>
public static class RunOutputs
{
    /// <summary>
    /// Fixes the window on the run: it ends just past the newest event that is not alone, never later than
    /// the clock, and starts <paramref name="length"/> before (all history when null).
    /// </summary>
    /// <returns>The window, or null when the store holds no events.</returns>
    /// <remarks>
    /// Implementation note: the end follows the data, not the calendar, so a world whose events stopped
    /// months ago (a generated one, a late export) still gets a full window. Two guards keep one bad row
    /// from dragging it past all real data: events after the clock are not looked at, and an event counts
    /// only when another stands within the hour before it, so a lone row far after the rest is passed over.
    /// The newest 64 events are enough to look at: a run of 64 lone rows an hour apart ends the search at
    /// the oldest of them.
    /// </remarks>
    public static async Task<(DateTime? From, DateTime To)?> FixWindowAsync(NpgsqlDataSource dataSource, long runId, TimeSpan? length, CancellationToken ct = default)
    {
        // To is exclusive in a snapshot window: one microsecond (PostgreSQL's resolution) past the newest event keeps it in.
        await using var cmd = dataSource.CreateCommand("""
            with newest as (
                select ts, lead(ts) over (order by ts desc) as before
                from (select ts from events where ts <= now() order by ts desc limit 64) t
            ),
            chosen as (
                select coalesce(max(ts) filter (where before >= ts - interval '1 hour'), min(ts)) + interval '1 microsecond' as t from newest
            ),
            bounded as (select least(t, now()) as t from chosen)
            update pipeline_runs set window_to = bounded.t, window_from = bounded.t - $2
            from bounded where run_id = $1 and bounded.t is not null
            returning window_from, window_to
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)length ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Interval });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false)
            ? (reader.IsDBNull(0) ? null : reader.GetDateTime(0), reader.GetDateTime(1))
            : null;
    }

    /// <summary>The window the snapshot stage fixed for a run.</summary>
    /// <exception cref="InvalidOperationException">The run is gone, or its snapshot stage has not run.</exception>
    public static async Task<(DateTime? From, DateTime To)> WindowAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select window_from, window_to from pipeline_runs where run_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"there is no pipeline run {runId}");
        }
        if (reader.IsDBNull(1))
        {
            throw new InvalidOperationException($"run {runId} has no window yet: its snapshot stage has not run");
        }
        return (reader.IsDBNull(0) ? null : reader.GetDateTime(0), reader.GetDateTime(1));
    }

    /// <summary>Sets (or clears) the model the run scores with.</summary>
    public static async Task SetModelVersionAsync(NpgsqlDataSource dataSource, long runId, string? version, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("update pipeline_runs set model_version = $2 where run_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)version ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The model the run scores with, or null when none is chosen yet.</summary>
    public static async Task<string?> ModelVersionAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select model_version from pipeline_runs where run_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    /// <summary>Replaces the run's encoder files (what the embeddings stage fitted); none clears them.</summary>
    public static async Task ReplaceEncoderAsync(NpgsqlDataSource dataSource, long runId, IReadOnlyDictionary<string, byte[]> files, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("delete from run_encoders where run_id = $1", connection) { Parameters = { new() { Value = runId } } })
        {
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await Files.InsertAsync(connection, "run_encoders", "run_id", runId, files, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The run's encoder files; empty when its embeddings stage fitted none.</summary>
    public static async Task<Dictionary<string, byte[]>> EncoderAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select name, content from run_encoders where run_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return await Files.ReadAsync(cmd, ct).ConfigureAwait(false);
    }
}
