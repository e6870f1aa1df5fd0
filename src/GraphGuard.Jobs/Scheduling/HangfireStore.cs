using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// Hangfire's storage in the GraphGuard database, schema <see cref="Schema"/>: the same for workers, for
/// <c>graphguard jobs</c> and for the dashboard in <c>graphguard serve</c>.
/// </summary>
public static class HangfireStore
{
    /// <summary>Hangfire's tables live here, apart from ours; its own install scripts create and upgrade them.</summary>
    public const string Schema = "hangfire";

    private const long InstallLock = 0x6767_6866_696e_7374; // "gghfinst"

    /// <summary>Configures Hangfire (serializer, logging) on the storage and returns the storage.</summary>
    /// <param name="configuration">The process's Hangfire configuration (<see cref="GlobalConfiguration.Configuration"/>, or the one <c>AddHangfire</c> hands over).</param>
    /// <param name="settings">Connection and timings.</param>
    /// <param name="log">Where Hangfire's warnings and errors go, one line each; null keeps them quiet.</param>
    public static PostgreSqlStorage Configure(IGlobalConfiguration configuration, SchedulerSettings settings, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = settings.PollInterval,
            // Hangfire delivers at least once: with sliding invisibility a job is redelivered only once its worker
            // stopped extending it, never while it runs (a fixed timeout restarts long stages while they are alive).
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = settings.InvisibilityTimeout,
        };
        configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(log is null ? new HangfireLog(_ => { }) : new HangfireLog(log));
        // Two processes starting at once would both run the install scripts: one at a time.
        using var install = new NpgsqlConnection(settings.ConnectionString);
        install.Open();
        using (var take = new NpgsqlCommand($"select pg_advisory_lock({InstallLock})", install))
        {
            take.ExecuteNonQuery();
        }
        try
        {
            return configuration.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(settings.ConnectionString), options).Entry;
        }
        finally
        {
            using var release = new NpgsqlCommand($"select pg_advisory_unlock({InstallLock})", install);
            release.ExecuteNonQuery();
        }
    }

    /// <summary>The storage for a command-line process (no server, no logging).</summary>
    public static PostgreSqlStorage Open(SchedulerSettings settings) => Configure(GlobalConfiguration.Configuration, settings, null);
}
