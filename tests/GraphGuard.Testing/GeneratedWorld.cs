using GraphGuard.Core.Synthetic;
using GraphGuard.Storage.Ingest;
using Npgsql;

namespace GraphGuard.Testing;

/// <summary>
/// A synthetic world for tests: generated into memory (its files kept as bytes), written to a folder for tests that
/// run commands on files, and ingested into a test database for tests that need one. The generator is deterministic:
/// the same options always give the same bytes.
/// </summary>
public sealed class GeneratedWorld
{
    private static readonly Lazy<GeneratedWorld> StandardWorld = new(() => Generate(new WorldOptions { Accounts = 6_000, Seed = 42 }));

    private GeneratedWorld(WorldOptions options, Dictionary<string, byte[]> files, WorldSummary summary)
    {
        Options = options;
        Files = files;
        Summary = summary;
    }

    /// <summary>The default-style world most tests read: 6,000 accounts, seed 42, no bad rows (generated once per process).</summary>
    public static GeneratedWorld Standard => StandardWorld.Value;

    public WorldOptions Options { get; }

    /// <summary>Each file's bytes by name (<see cref="WorldStreams.FileNames"/>).</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    public WorldSummary Summary { get; }

    public static GeneratedWorld Generate(WorldOptions options)
    {
        var memory = WorldStreams.FileNames.ToDictionary(name => name, _ => new MemoryStream());
        var summary = WorldGenerator.Generate(options, WorldStreams.Open(name => memory[name]));
        return new GeneratedWorld(options, memory.ToDictionary(p => p.Key, p => p.Value.ToArray()), summary);
    }

    /// <summary>Writes every file into <paramref name="folder"/> (created if missing); returns the folder.</summary>
    public string WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in Files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }
        return folder;
    }

    /// <summary>Ingests the world into the database of <paramref name="connectionString"/>, as <c>graphguard ingest</c> does.</summary>
    public async Task IngestAsync(string connectionString)
    {
        var folder = WriteTo(Directory.CreateTempSubdirectory("graphguard-world-").FullName);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var summary = await new Ingestor(dataSource, new IngestOptions()).IngestAsync(folder);
            Assert.That(summary.Succeeded, Is.True, summary.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
