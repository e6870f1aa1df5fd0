using GraphGuard.Storage.Database;
using GraphGuard.Storage.Migrations;
using Npgsql;

namespace GraphGuard.Workflows;

/// <summary>
/// The configured database as the commands use it: opened with the schema brought up to date, migrated, reset, and
/// the private cluster under <c>$GRAPHGUARD_HOME</c> started and stopped.
/// </summary>
public static class Database
{
    /// <param name="ct">Cancellation.</param>
    /// <param name="database">A database other than the default (created if missing).</param>
    public static async Task<NpgsqlDataSource> OpenMigratedAsync(CancellationToken ct, string? database = null)
    {
        var dataSource = await DatabaseConnector.OpenAsync(database, ct).ConfigureAwait(false);
        await Migrator.MigrateAsync(dataSource, ct).ConfigureAwait(false);
        return dataSource;
    }

    /// <summary>Brings the configured database's schema up to date and returns its connection string, for a host that opens its own (the service).</summary>
    public static async Task<string> MigratedConnectionStringAsync(CancellationToken ct)
    {
        await (await OpenMigratedAsync(ct).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        return await DatabaseConnector.ResolveAsync(null, ct).ConfigureAwait(false);
    }

    /// <summary>Applies pending migrations; returns those applied now (none when the schema was up to date).</summary>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken ct)
    {
        await using var dataSource = await DatabaseConnector.OpenAsync(ct: ct).ConfigureAwait(false);
        return await Migrator.MigrateAsync(dataSource, ct).ConfigureAwait(false);
    }

    /// <summary>Drops the GraphGuard database and recreates it empty at the latest schema.</summary>
    public static async Task ResetAsync(CancellationToken ct)
    {
        await DatabaseConnector.DropDatabaseAsync(await DatabaseConnector.ResolveAsync(ct: ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        await (await OpenMigratedAsync(ct).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Creates the private cluster if needed, starts it and applies migrations; returns its data folder.</summary>
    public static async Task<string> StartPrivateClusterAsync(CancellationToken ct)
    {
        RequirePrivateCluster("start");
        await (await OpenMigratedAsync(ct).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        return LocalCluster.Default().DataDirectory;
    }

    /// <summary>Stops the private cluster.</summary>
    public static Task StopPrivateClusterAsync(CancellationToken ct)
    {
        RequirePrivateCluster("stop");
        return LocalCluster.Default().StopAsync(ct);
    }

    private static void RequirePrivateCluster(string verb)
    {
        if (GraphGuardHome.ConnectionOverride() is not null)
        {
            throw new DatabaseSetupException($"db {verb} manages the private cluster, but {GraphGuardHome.ConnectionVariable} points at another server; unset it or manage that server yourself");
        }
    }
}
