using GraphGuard.Tests.Shared;

namespace GraphGuard.Cli.Tests;

/// <summary>A world written by <c>graphguard generate</c> into a temporary folder and ingested into a fresh test database.</summary>
internal sealed record GeneratedWorld(string Folder, string Connection) : IDisposable
{
    /// <param name="name">Names the test database (<c>gg_test_NAME</c>) and the folder (<c>graphguard-NAME-*</c>).</param>
    /// <param name="accounts">Accounts to generate.</param>
    /// <param name="seed">The generator's seed.</param>
    public static async Task<GeneratedWorld> CreateAsync(string name, int accounts, int seed)
    {
        var folder = Directory.CreateTempSubdirectory($"graphguard-{name}-").FullName;
        var world = new GeneratedWorld(folder, await TestDatabase.CreateAsync($"cli_{name}"));
        await world.Succeed("generate", "--accounts", accounts.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder);
        await world.Succeed("ingest", folder);
        return world;
    }

    /// <summary>Runs graphguard on the world's database; asserts it succeeded and returns its stdout.</summary>
    public Task<string> Succeed(params string[] args) => GraphGuardProcess.SucceedAsync(Connection, args);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
