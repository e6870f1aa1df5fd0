using GraphGuard.Core.Synthetic;

namespace GraphGuard.Testing;

/// <summary>
/// A <see cref="GeneratedWorld"/> written into a temporary folder and ingested into a fresh test database, with the
/// built <c>graphguard</c> run on it (<see cref="GraphGuardProcess"/>; the test project must reference the CLI).
/// </summary>
/// <param name="Folder">The world's files.</param>
/// <param name="Connection">The test database holding it.</param>
public sealed record WorldDatabase(string Folder, string Connection) : IDisposable
{
    /// <param name="name">Names the test database (<c>gg_test_cli_NAME</c>) and the folder (<c>graphguard-NAME-*</c>).</param>
    /// <param name="accounts">Accounts to generate.</param>
    /// <param name="seed">The generator's seed.</param>
    public static async Task<WorldDatabase> CreateAsync(string name, int accounts, int seed)
    {
        var world = GeneratedWorld.Generate(new WorldOptions { Accounts = accounts, Seed = (ulong)seed });
        var folder = world.WriteTo(Directory.CreateTempSubdirectory($"graphguard-{name}-").FullName);
        var database = new WorldDatabase(folder, await TestDatabase.CreateAsync($"cli_{name}"));
        await database.Succeed("ingest", folder);
        return database;
    }

    /// <summary>Runs graphguard on the world's database; asserts it succeeded and returns its stdout.</summary>
    public Task<string> Succeed(params string[] args) => GraphGuardProcess.SucceedAsync(Connection, args);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
