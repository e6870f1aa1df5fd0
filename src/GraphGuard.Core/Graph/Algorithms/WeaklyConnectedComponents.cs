using System.Collections.Concurrent;

namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Weakly connected components: edge direction is ignored, so a directed graph's out-edges suffice.
/// Each node is labelled with the smallest node id in its component, so results compare exactly.
/// </summary>
public static class WeaklyConnectedComponents
{
    private const int Chunk = 4096;

    // Afforest (Sutton, Ben-Nun & Barak, IPDPS 2018): link a few neighbours per node, find the component
    // that already dominates, then only nodes outside it need their remaining edges.
    private const int SampledNeighbours = 2;
    private const int Samples = 1024;

    /// <summary>
    /// Component label per node (the smallest node id in the component).
    /// Pass <paramref name="symmetric"/> = true when every edge is stored both ways (a graph built with
    /// <c>Undirected = true</c>): the largest component's nodes may then skip their remaining edges.
    /// </summary>
    public static int[] Compute(CsrGraph graph, bool symmetric = false)
    {
        var n = graph.NodeCount;
        if (n == 0)
        {
            return [];
        }
        var parent = new int[n];
        Parallel.ForEach(Partitioner.Create(0, n, Chunk), range =>
        {
            for (var v = range.Item1; v < range.Item2; v++)
            {
                parent[v] = v;
            }
        });
        Parallel.ForEach(Partitioner.Create(0, n, Chunk), range =>
        {
            for (var v = range.Item1; v < range.Item2; v++)
            {
                var neighbours = graph.Neighbors(v);
                for (var i = 0; i < Math.Min(SampledNeighbours, neighbours.Length); i++)
                {
                    Union(parent, v, neighbours[i]);
                }
            }
        });
        Compress(parent);
        var skip = symmetric ? MostFrequentLabel(parent) : -1;
        Parallel.ForEach(Partitioner.Create(0, n, Chunk), range =>
        {
            for (var v = range.Item1; v < range.Item2; v++)
            {
                if (Find(parent, v) == skip)
                {
                    continue;
                }
                var neighbours = graph.Neighbors(v);
                for (var i = SampledNeighbours; i < neighbours.Length; i++)
                {
                    Union(parent, v, neighbours[i]);
                }
            }
        });
        Compress(parent);
        return parent;
    }

    /// <summary>Size of each component, indexed by its label: <c>sizes[labels[v]]</c> is the size of v's component.</summary>
    public static int[] Sizes(ReadOnlySpan<int> labels)
    {
        var sizes = new int[labels.Length];
        foreach (var label in labels)
        {
            sizes[label]++;
        }
        return sizes;
    }

    /// <summary>Number of components (labels that name themselves).</summary>
    public static int Count(ReadOnlySpan<int> labels)
    {
        var count = 0;
        for (var v = 0; v < labels.Length; v++)
        {
            if (labels[v] == v)
            {
                count++;
            }
        }
        return count;
    }

    // Lock-free union by smaller root: a root only ever points to a smaller root, so every root is its
    // set's smallest id, and that is the canonical label for free. The CAS fails only if the root was
    // linked meanwhile; retry from the new roots.
    private static void Union(int[] parent, int a, int b)
    {
        while (true)
        {
            a = Find(parent, a);
            b = Find(parent, b);
            if (a == b)
            {
                return;
            }
            var (low, high) = a < b ? (a, b) : (b, a);
            if (Interlocked.CompareExchange(ref parent[high], low, high) == high)
            {
                return;
            }
        }
    }

    // Path halving. Plain writes race harmlessly: a non-root's parent only ever moves to one of its
    // ancestors, so any interleaving still leaves a path to the same root.
    private static int Find(int[] parent, int x)
    {
        while (true)
        {
            var p = Volatile.Read(ref parent[x]);
            if (p == x)
            {
                return x;
            }
            var grand = Volatile.Read(ref parent[p]);
            if (grand == p)
            {
                return p;
            }
            parent[x] = grand;
            x = grand;
        }
    }

    private static void Compress(int[] parent) =>
        Parallel.ForEach(Partitioner.Create(0, parent.Length, Chunk), range =>
        {
            for (var v = range.Item1; v < range.Item2; v++)
            {
                parent[v] = Find(parent, v);
            }
        });

    private static int MostFrequentLabel(int[] parent)
    {
        if (parent.Length == 0)
        {
            return -1;
        }
        // Deterministic sample: the result never depends on it, only how much work is skipped.
        var random = new Random(parent.Length);
        var counts = new Dictionary<int, int>();
        var (best, bestCount) = (-1, 0);
        for (var i = 0; i < Samples; i++)
        {
            var label = parent[random.Next(parent.Length)];
            var count = counts[label] = counts.GetValueOrDefault(label) + 1;
            if (count > bestCount)
            {
                (best, bestCount) = (label, count);
            }
        }
        return best;
    }
}
