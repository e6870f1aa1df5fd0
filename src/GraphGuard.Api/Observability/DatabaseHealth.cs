using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GraphGuard.Api.Observability;

/// <summary>
/// Whether the database can be reached, as the requests and the publication watcher find it. An outage is
/// logged once when it starts and once when it ends, not per request: under load a down database would
/// otherwise bury the log. While it is down, endpoints that need it answer 503 with Retry-After and
/// <c>/readyz</c> says not ready; lookups of the published run keep answering from memory.
/// </summary>
internal sealed partial class DatabaseHealth(ILogger<DatabaseHealth> logger, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTime? _downSince;

    /// <summary>When the current outage began, or null while the database answers.</summary>
    public DateTime? DownSince
    {
        get
        {
            lock (_gate)
            {
                return _downSince;
            }
        }
    }

    /// <summary>Whether <paramref name="error"/> means the database cannot be reached (rather than a bug or bad data).</summary>
    public static bool IsOutage(Exception error) => error switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true,
        SocketException or TimeoutException => true,
        InvalidOperationException { InnerException: { } inner } => IsOutage(inner),
        _ => false,
    };

    public void Failed(Exception error)
    {
        lock (_gate)
        {
            if (_downSince is not null)
            {
                return;
            }
            _downSince = clock.GetUtcNow().UtcDateTime;
        }
        LogDown(logger, error.GetType().Name, error.Message.ReplaceLineEndings(" "));
    }

    public void Succeeded()
    {
        DateTime since;
        lock (_gate)
        {
            if (_downSince is not { } down)
            {
                return;
            }
            since = down;
            _downSince = null;
        }
        LogUp(logger, (clock.GetUtcNow().UtcDateTime - since).TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "database unreachable, answering 503 where it is needed and serving the loaded run from memory: {Type}: {Message}")]
    private static partial void LogDown(ILogger logger, string type, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "database reachable again after {Seconds:0.0} s")]
    private static partial void LogUp(ILogger logger, double seconds);
}
