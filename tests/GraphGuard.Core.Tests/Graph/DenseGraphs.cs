using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Graph;

/// <summary>Small random simple graphs as dense matrices (for naive references) and as CSR graphs.</summary>
internal static class DenseGraphs
{
    public static bool[,] Random(int seed, int n, double p)
    {
        var random = new System.Random(seed);
        var adjacency = new bool[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                adjacency[a, b] = adjacency[b, a] = random.NextDouble() < p;
            }
        }
        return adjacency;
    }

    /// <summary>The matrix as an undirected CSR graph, edges added in a shuffled order and orientation.</summary>
    public static CsrGraph ToUndirected(bool[,] adjacency)
    {
        var n = adjacency.GetLength(0);
        var pairs = new List<(int, int)>();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (adjacency[a, b])
                {
                    pairs.Add(pairs.Count % 2 == 0 ? (a, b) : (b, a));
                }
            }
        }
        new System.Random(n).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs));
        using var edges = EdgeList.From(pairs);
        return CsrGraph.Build(n, edges, new CsrBuildOptions { Undirected = true });
    }
}
