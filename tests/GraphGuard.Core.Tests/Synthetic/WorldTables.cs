using System.Runtime.CompilerServices;
using GraphGuard.Testing;

namespace GraphGuard.Core.Tests.Synthetic;

/// <summary>A generated world's files parsed on demand, each once per world.</summary>
internal static class WorldTables
{
    private static readonly ConditionalWeakTable<GeneratedWorld, Dictionary<string, CsvTable>> Parsed = [];

    public static CsvTable Table(this GeneratedWorld world, string file)
    {
        var tables = Parsed.GetOrCreateValue(world);
        lock (tables)
        {
            if (!tables.TryGetValue(file, out var table))
            {
                tables[file] = table = CsvTable.Parse(world.Files[file]);
            }
            return table;
        }
    }
}
