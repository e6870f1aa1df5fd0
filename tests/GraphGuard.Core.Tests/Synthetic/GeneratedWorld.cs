using GraphGuard.Core.Synthetic;

namespace GraphGuard.Core.Tests.Synthetic;

/// <summary>A world generated into memory, with its files kept as bytes and parsed on demand.</summary>
internal sealed class GeneratedWorld
{
    private readonly Dictionary<string, CsvTable> _tables = [];

    private GeneratedWorld(WorldOptions options, Dictionary<string, byte[]> files, WorldSummary summary)
    {
        Options = options;
        Files = files;
        Summary = summary;
    }

    public WorldOptions Options { get; }

    public Dictionary<string, byte[]> Files { get; }

    public WorldSummary Summary { get; }

    public static GeneratedWorld Generate(WorldOptions options)
    {
        var memory = WorldStreams.FileNames.ToDictionary(name => name, _ => new MemoryStream());
        var summary = WorldGenerator.Generate(options, WorldStreams.Open(name => memory[name]));
        return new GeneratedWorld(options, memory.ToDictionary(p => p.Key, p => p.Value.ToArray()), summary);
    }

    public CsvTable Table(string file)
    {
        lock (_tables)
        {
            if (!_tables.TryGetValue(file, out var table))
            {
                _tables[file] = table = CsvTable.Parse(Files[file]);
            }

            return table;
        }
    }

    /// <summary>The generator's default-style world used by most tests: 6,000 accounts, no bad rows.</summary>
    public static GeneratedWorld Standard => StandardWorld.Value;

    private static readonly Lazy<GeneratedWorld> StandardWorld =
        new(() => Generate(new WorldOptions { Accounts = 6_000, Seed = 42 }));
}
