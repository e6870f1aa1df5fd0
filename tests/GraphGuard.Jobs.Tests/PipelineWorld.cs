using GraphGuard.Core.Synthetic;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests;

/// <summary>
/// A small generated world (3,000 accounts unless a fixture needs more), ingested once per test process into a
/// template database; each fixture gets its own copy (<see cref="TemplateDatabase"/>).
/// </summary>
internal static class PipelineWorld
{
    private const int DefaultAccounts = 3_000;

    /// <summary>A fresh database holding the world of <paramref name="accounts"/> accounts, named <c>gg_test_jobs_NAME</c>.</summary>
    public static Task<NpgsqlDataSource> CopyAsync(string name, int accounts = DefaultAccounts) =>
        TemplateDatabase.CopyAsync(
            accounts == DefaultAccounts ? "jobs_world" : $"jobs_world_{accounts}",
            connection => GeneratedWorld.Generate(new WorldOptions { Accounts = accounts, Seed = 17 }).IngestAsync(connection),
            "jobs_" + name);
}
