using Hangfire;
using Hangfire.PostgreSql;
using GraphGuard.Storage.Database;

namespace GraphGuard.Storage.Scheduling;

/// <summary>
/// Hangfire's storage in the GraphGuard database, schema <see cref="Schema"/>: the same for workers, for
/// <c>graphguard jobs</c> and for the dashboard in <c>graphguard serve</c>. It lives in Storage because it is
/// how Hangfire reaches PostgreSQL (its connection factory takes Npgsql types).
/// </summary>
public static class HangfireStore
{
    /// <summary>Hangfire's tables live here, apart from ours; its own install scripts create and upgrade them.</summary>
    public const string Schema = "hangfire";

    private const long InstallLock = 0x6767_6866_696e_7374; // "gghfinst"

    /// <summary>Configures Hangfire (serializer, logging) on the storage and returns the storage.</summary>
    /// <param name="configuration">The process's Hangfire configuration (<see cref="GlobalConfiguration.Configuration"/>, or the one <c>AddHangfire</c> hands over).</param>
    /// <param name="connectionString">The GraphGuard database.</param>
    /// <param name="poll">How often an idle worker looks for queued jobs.</param>
    /// <param name="invisibility">The sliding invisibility timeout of a fetched job.</param>
    /// <param name="log">Where Hangfire's warnings and errors go, one line each; null keeps them quiet.</param>
    public static PostgreSqlStorage Configure(IGlobalConfiguration configuration, string connectionString, TimeSpan poll, TimeSpan invisibility, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = poll,
            // Hangfire delivers at least once: with sliding invisibility a job is redelivered only once its worker
            // stopped extending it, never while it runs (a fixed timeout restarts long stages while they are alive).
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = invisibility,
        };
        configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(log is null ? new HangfireLog(_ => { }) : new HangfireLog(log));
        // Two processes starting at once would both run the install scripts: one at a time.
        using (ExclusiveSection.Enter(connectionString, InstallLock))
        {
            return configuration.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), options).Entry;
        }
    }
}
