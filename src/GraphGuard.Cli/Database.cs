using GraphGuard.Storage.Database;
using GraphGuard.Storage.Migrations;
using Npgsql;

namespace GraphGuard.Cli;

/// <summary>Opens the configured database with the schema brought up to date, as every data command needs.</summary>
internal static class Database
{
    public static async Task<NpgsqlDataSource> OpenMigratedAsync(CancellationToken ct)
    {
        var dataSource = await DatabaseConnector.OpenAsync(ct: ct);
        await Migrator.MigrateAsync(dataSource, ct);
        return dataSource;
    }
}
