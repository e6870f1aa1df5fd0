using Npgsql;

namespace GraphGuard.Storage.Notifications;

/// <summary>
/// A dedicated connection that LISTENs on some channels. Notifications that arrive while nobody waits are kept
/// until <see cref="TakeNotified"/>, so none is lost between two waits.
/// </summary>
public sealed class NotificationListener : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly HashSet<string> _notified = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private NotificationListener(NpgsqlConnection connection)
    {
        _connection = connection;
        _connection.Notification += (_, e) =>
        {
            lock (_gate)
            {
                _notified.Add(e.Channel);
            }
        };
    }

    /// <summary>Opens an unpooled, kept-alive connection to <paramref name="connectionString"/> listening on <paramref name="channels"/>.</summary>
    public static async Task<NotificationListener> OpenAsync(string connectionString, IReadOnlyList<string> channels, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        var listener = new NotificationListener(connection);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var listen = new NpgsqlCommand(string.Concat(channels.Select(c => $"listen {c}; ")), connection);
            await listen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return listener;
        }
        catch
        {
            await listener.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for a notification up to <paramref name="timeout"/>; false when none came.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _connection.WaitAsync(timeout, ct);

    /// <summary>The channels notified since the last call.</summary>
    public IReadOnlySet<string> TakeNotified()
    {
        lock (_gate)
        {
            var taken = _notified.ToHashSet(StringComparer.Ordinal);
            _notified.Clear();
            return taken;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
