using GraphGuard.Core.Synthetic;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Ingest;
using GraphGuard.Tests.Shared;
using Npgsql;

namespace GraphGuard.Jobs.Tests;

/// <summary>
/// A small generated world (3,000 accounts unless a fixture needs more), ingested once per test process into
/// a template database; each fixture gets its own copy (<c>create database ... template</c>, much faster than
/// ingesting again).
/// </summary>
internal static class PipelineWorld
{
    private const int DefaultAccounts = 3_000;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<int> Ready = [];

    /// <summary>A fresh database holding the world of <paramref name="accounts"/> accounts, named <c>gg_test_jobs_NAME</c>.</summary>
    public static async Task<NpgsqlDataSource> CopyAsync(string name, int accounts = DefaultAccounts)
    {
        await Gate.WaitAsync();
        try
        {
            var template = Template(accounts);
            if (Ready.Add(accounts))
            {
                await IngestTemplateAsync(accounts);
            }
            var connection = await DatabaseConnector.ResolveAsync("gg_test_jobs_" + name.ToLowerInvariant());
            await DatabaseConnector.DropDatabaseAsync(connection);
            var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false };
            await using (var db = new NpgsqlConnection(admin.ConnectionString))
            {
                await db.OpenAsync();
                await using var create = new NpgsqlCommand($"create database \"{new NpgsqlConnectionStringBuilder(connection).Database}\" template {template}", db);
                await create.ExecuteNonQueryAsync();
            }
            return NpgsqlDataSource.Create(connection);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The external ids of the default world's abusive accounts (its truth.csv), generated again: the generator is deterministic.</summary>
    public static string[] AbusiveAccounts()
    {
        var folder = Directory.CreateTempSubdirectory("graphguard-jobs-truth-").FullName;
        try
        {
            Generate(folder, DefaultAccounts);
            return [.. File.ReadLines(Path.Combine(folder, WorldStreams.TruthFile)).Skip(1).Select(line => line.Split(',')[0])];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Generate(string folder, int accounts)
    {
        using var streams = WorldStreams.Open(file => new FileStream(Path.Combine(folder, file), FileMode.Create, FileAccess.Write));
        WorldGenerator.Generate(new WorldOptions { Accounts = accounts, Seed = 17 }, streams, null, CancellationToken.None);
    }

    private static string Template(int accounts) => accounts == DefaultAccounts ? "gg_test_jobs_world" : $"gg_test_jobs_world_{accounts}";

    private static async Task IngestTemplateAsync(int accounts)
    {
        var connection = await TestDatabase.CreateAsync(Template(accounts)["gg_test_".Length..]);
        var folder = Directory.CreateTempSubdirectory("graphguard-jobs-world-").FullName;
        try
        {
            Generate(folder, accounts);
            await using var dataSource = NpgsqlDataSource.Create(connection);
            await new Ingestor(dataSource, new IngestOptions()).IngestAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        // A template must have no sessions when it is copied.
        NpgsqlConnection.ClearAllPools();
    }
}
