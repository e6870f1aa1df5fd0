using GraphGuard.Storage.Database;
using GraphGuard.Storage.Migrations;
using Npgsql;

namespace GraphGuard.Workflows;

/// <summary>Opens the configured database with the schema brought up to date, as every data command needs.</summary>
public static class Database
{
    /// <param name="ct">Cancellation.</param>
    /// <param name="database">A database other than the default (created if missing).</param>
    public static async Task<NpgsqlDataSource> OpenMigratedAsync(CancellationToken ct, string? database = null)
    {
        var dataSource = await DatabaseConnector.OpenAsync(database, ct);
        await Migrator.MigrateAsync(dataSource, ct);
        return dataSource;
    }
}
