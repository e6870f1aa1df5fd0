using GraphGuard.Storage.Database;
using GraphGuard.Storage.Scheduling;
using Hangfire;
using Hangfire.PostgreSql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>How a worker (a Hangfire server) connects and how eagerly it looks for work.</summary>
public sealed record SchedulerSettings
{
    /// <summary>Settings on the database every other command uses (<see cref="DatabaseConnector"/>), the rest at their defaults.</summary>
    public static async Task<SchedulerSettings> ForDatabaseAsync(CancellationToken ct = default) =>
        new() { ConnectionString = await DatabaseConnector.ResolveAsync(ct: ct).ConfigureAwait(false) };

    /// <summary>The GraphGuard database; Hangfire's tables live in its schema <c>hangfire</c>.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Jobs this worker runs at once. Pipelines of different definitions may run side by side.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>How often the worker tells Hangfire it is alive; one silent for four times as long is removed from its server list.</summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often an idle worker looks for queued jobs, due retries and recurring firings, and for runs that
    /// need a worker (<see cref="RunRecovery"/>): a <c>jobs trigger</c> or a dead worker's run is picked up within it.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Hangfire's invisibility timeout, sliding: a fetched job stays invisible to other workers while its worker
    /// is alive, and becomes visible again this long after the worker stopped extending it (killed, or cut off).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Hangfire configured on its storage in our database (see <see cref="HangfireStore"/>), logging to <paramref name="log"/>.</summary>
    public PostgreSqlStorage Configure(IGlobalConfiguration configuration, Action<string>? log) =>
        HangfireStore.Configure(configuration, ConnectionString, PollInterval, InvisibilityTimeout, log);

    /// <summary>The storage for a command-line process (no server, no logging).</summary>
    public PostgreSqlStorage OpenStorage() => Configure(GlobalConfiguration.Configuration, null);
}
