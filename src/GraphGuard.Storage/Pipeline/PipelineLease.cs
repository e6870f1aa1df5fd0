using Npgsql;

namespace GraphGuard.Storage.Pipeline;

/// <summary>
/// The right to drive a pipeline's runs: a session advisory lock on <c>graphguard.pipeline:NAME</c>, held on a
/// connection kept open while a process drives one run of it. PostgreSQL drops the lock with the connection,
/// so a <c>running</c> run whose pipeline nobody holds was left by a process that died, or whose database
/// went away under it: any worker may take the lease and resume it.
/// </summary>
public sealed class PipelineLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    private PipelineLease(NpgsqlConnection connection, string key) => (_connection, _key) = (connection, key);

    /// <summary>The lease of <paramref name="pipeline"/>, or null while a live process holds it.</summary>
    public static async Task<PipelineLease?> TryTakeAsync(NpgsqlDataSource dataSource, string pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var key = $"graphguard.pipeline:{pipeline}";
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var cmd = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended($1, 0))", connection) { Parameters = { new() { Value = key } } };
            if ((bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return new PipelineLease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>Waits for the lease, looking again every <paramref name="poll"/>.</summary>
    public static async Task<PipelineLease> TakeAsync(NpgsqlDataSource dataSource, string pipeline, TimeSpan poll, CancellationToken ct)
    {
        while (true)
        {
            if (await TryTakeAsync(dataSource, pipeline, ct).ConfigureAwait(false) is { } lease)
            {
                return lease;
            }
            await Task.Delay(poll, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the lease's connection still answers: if it does not, the lock is gone with it.</summary>
    public async Task<bool> IsHeldAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await using var cmd = new NpgsqlCommand("select 1", _connection);
            await cmd.ExecuteScalarAsync(limit.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Released explicitly: a pooled connection outlives this use, and the lock is the session's.
            await using var cmd = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", _connection) { Parameters = { new() { Value = _key } } };
            await cmd.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The connection broke, and the lock went with it.
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
