using GraphGuard.Core.Graph;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests;

/// <summary>Small graphs for the learning tests.</summary>
internal static class TestGraphs
{
    private static readonly CsrBuildOptions Simple = new() { Undirected = true, DropSelfLoops = true, MergeDuplicates = true };

    public static CsrGraph Undirected(int nodeCount, IReadOnlyList<(int, int)> edges)
    {
        using var list = EdgeList.From(edges);
        return CsrGraph.Build(nodeCount, list, Simple);
    }

    /// <summary>Each pair of nodes joined with probability <paramref name="p"/>.</summary>
    public static CsrGraph Random(int nodeCount, double p, int seed)
    {
        var random = new Random(seed);
        var edges = new List<(int, int)>();
        for (var u = 0; u < nodeCount; u++)
        {
            for (var v = u + 1; v < nodeCount; v++)
            {
                if (random.NextDouble() < p)
                {
                    edges.Add((u, v));
                }
            }
        }
        return Undirected(nodeCount, edges);
    }

    /// <summary>About <paramref name="edgeCount"/> uniformly random edges (for graphs too big for <see cref="Random"/>).</summary>
    public static CsrGraph Sparse(int nodeCount, long edgeCount, int seed)
    {
        var random = new Random(seed);
        using var list = new EdgeList(edgeCount);
        for (long e = 0; e < edgeCount; e++)
        {
            list.Add(random.Next(nodeCount), random.Next(nodeCount));
        }
        return CsrGraph.Build(nodeCount, list, Simple);
    }

    public static SageGraph Graph(int nodeCount, params CsrGraph[] relations) =>
        new(nodeCount, [.. relations.Select((g, i) => new SageRelation($"r{i}", g))]);

    /// <summary>Standard normal features, n × d, from a fixed seed.</summary>
    public static float[] Gaussian(int nodeCount, int width, int seed)
    {
        var random = new Random(seed);
        var values = new float[nodeCount * width];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }
        return values;
    }
}
