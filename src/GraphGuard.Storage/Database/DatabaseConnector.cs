using Npgsql;

namespace GraphGuard.Storage.Database;

/// <summary>
/// Opens GraphGuard's database: the server named by <c>$GRAPHGUARD_DB</c>, or else the private cluster,
/// started on demand. Creates the database when it does not exist yet.
/// </summary>
public static class DatabaseConnector
{
    public const string DefaultDatabase = "graphguard";

    /// <summary>Connection string for <paramref name="database"/> (null: the configured/default one).</summary>
    public static async Task<string> ResolveAsync(string? database = null, CancellationToken ct = default)
    {
        if (GraphGuardHome.ConnectionOverride() is { } configured)
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            if (database is not null)
            {
                builder.Database = database;
            }
            return builder.ConnectionString;
        }
        var cluster = LocalCluster.Default();
        await cluster.StartAsync(ct).ConfigureAwait(false);
        return cluster.ConnectionString(database ?? DefaultDatabase);
    }

    /// <summary>A data source for the database, created first if missing.</summary>
    public static async Task<NpgsqlDataSource> OpenAsync(string? database = null, CancellationToken ct = default)
    {
        var connectionString = await ResolveAsync(database, ct).ConfigureAwait(false);
        await EnsureDatabaseAsync(connectionString, ct).ConfigureAwait(false);
        return NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Creates the connection string's database when it does not exist (connecting to <c>postgres</c> to do it).</summary>
    public static async Task EnsureDatabaseAsync(string connectionString, CancellationToken ct = default)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new DatabaseSetupException("the connection string names no database");
        await using var admin = await OpenMaintenanceAsync(connectionString, ct).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", admin) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
        {
            await using var create = new NpgsqlCommand($"create database {QuoteIdentifier(name)}", admin);
            try
            {
                await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it first: that is what we wanted.
            }
        }
    }

    /// <summary>Drops the connection string's database (closing its sessions) if it exists.</summary>
    public static async Task DropDatabaseAsync(string connectionString, CancellationToken ct = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenMaintenanceAsync(connectionString, ct).ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"drop database if exists {QuoteIdentifier(name)} with (force)", admin);
        await drop.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(string connectionString, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(admin.ConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new DatabaseSetupException($"cannot connect to PostgreSQL ({admin.Host}): {e.Message}");
        }
        return connection;
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
