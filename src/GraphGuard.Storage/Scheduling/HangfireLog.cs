using Hangfire.Logging;

namespace GraphGuard.Storage.Scheduling;

/// <summary>
/// Hangfire's warnings and errors as one line each, without stack traces, into the worker's log. While the
/// database is down every Hangfire component reports it, again and again: a line repeating the previous one is dropped.
/// </summary>
internal sealed class HangfireLog(Action<string> write) : ILogProvider, ILog
{
    private readonly Lock _gate = new();
    private string? _last;

    public ILog GetLogger(string name) => this;

    public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
    {
        if (logLevel < LogLevel.Warn)
        {
            return false;
        }
        if (messageFunc is null)
        {
            return true;
        }
        var line = $"hangfire {logLevel.ToString().ToLowerInvariant()}: {messageFunc()}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}".ReplaceLineEndings(" ");
        lock (_gate)
        {
            if (line == _last)
            {
                return true;
            }
            _last = line;
        }
        write(line);
        return true;
    }
}
