using GraphGuard.Storage.Database;
using GraphGuard.Storage.Migrations;
using Npgsql;

namespace GraphGuard.Testing;

/// <summary>
/// A real PostgreSQL database per test fixture, on the private cluster of the repository's .graphguard
/// (or the server in GRAPHGUARD_DB), dropped and created fresh so fixtures never see each other's rows.
/// </summary>
public static class TestDatabase
{
    /// <summary>Every test database's name starts so: <c>gg_test_</c>.</summary>
    public const string Prefix = "gg_test_";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GraphGuard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("GraphGuard.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Points GRAPHGUARD_HOME at the repository's .graphguard unless the environment chose one.</summary>
    public static void UseRepositoryHome()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GraphGuardHome.HomeVariable)))
        {
            Environment.SetEnvironmentVariable(GraphGuardHome.HomeVariable, Path.Combine(RepositoryRoot(), ".graphguard"));
        }
    }

    /// <summary>Connection string of a new, empty, migrated database named after <paramref name="name"/>.</summary>
    public static async Task<string> CreateAsync(string name)
    {
        UseRepositoryHome();
        var connectionString = await DatabaseConnector.ResolveAsync(Prefix + name.ToLowerInvariant());
        await DatabaseConnector.DropDatabaseAsync(connectionString);
        await DatabaseConnector.EnsureDatabaseAsync(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Migrator.MigrateAsync(dataSource);
        return connectionString;
    }

    /// <summary>
    /// A digest of every stored fact (ledger ids and times left out): two databases with the same
    /// fingerprint hold the same data, ids included.
    /// </summary>
    public static async Task<string> FingerprintAsync(NpgsqlDataSource dataSource)
    {
        string[] tables =
        [
            "select id, kind, external_id from entities",
            "select * from actions",
            "select * from accounts",
            "select * from content",
            "select * from events",
            "select * from content_signals",
            "select * from labels",
            "select file, line, field, reason, detail, raw from quarantine",
        ];
        var parts = new List<string>();
        foreach (var query in tables)
        {
            await using var cmd = dataSource.CreateCommand($"select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from ({query}) t");
            parts.Add((string)(await cmd.ExecuteScalarAsync())!);
        }
        return string.Join(" ", parts);
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
