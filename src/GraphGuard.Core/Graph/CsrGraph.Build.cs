namespace GraphGuard.Core.Graph;

public sealed partial class CsrGraph
{
    /// <summary>
    /// Builds a CSR graph over nodes 0..nodeCount-1 by counting sort on the source: one pass counts
    /// degrees, one scatters. Each neighbourhood comes out sorted by target (parallel over nodes), which
    /// algorithms such as triangle counting and merging of duplicates rely on.
    /// </summary>
    public static CsrGraph Build(int nodeCount, EdgeList edges, CsrBuildOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        var offsets = new long[nodeCount + 1];
        for (long i = 0; i < edges.Count; i++)
        {
            var (s, t) = (edges.Source(i), edges.Target(i));
            if ((uint)s >= (uint)nodeCount || (uint)t >= (uint)nodeCount)
            {
                throw new ArgumentException($"edge {i} ({s} -> {t}) names a node outside 0..{nodeCount - 1}");
            }
            if (s == t && options.DropSelfLoops)
            {
                continue;
            }
            offsets[s + 1]++;
            if (options.Undirected && s != t)
            {
                offsets[t + 1]++;
            }
        }
        for (var v = 0; v < nodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var targets = NativeArray<int>.Uninitialized(offsets[nodeCount]);
        var weights = options.Weighted ? NativeArray<float>.Uninitialized(offsets[nodeCount]) : null;
        var cursor = (long[])offsets.Clone();
        for (long i = 0; i < edges.Count; i++)
        {
            var (s, t, w) = (edges.Source(i), edges.Target(i), edges.Weight(i));
            if (s == t && options.DropSelfLoops)
            {
                continue;
            }
            Place(s, t, w);
            if (options.Undirected && s != t)
            {
                Place(t, s, w);
            }
        }

        void Place(int from, int to, float w)
        {
            var at = cursor[from]++;
            targets[at] = to;
            if (weights is not null)
            {
                weights[at] = w;
            }
        }

        SortNeighbourhoods(offsets, targets, weights);
        var graph = new CsrGraph(offsets, targets, weights);
        return options.MergeDuplicates ? graph.MergeDuplicateEdges() : graph;
    }

    private static void SortNeighbourhoods(long[] offsets, NativeArray<int> targets, NativeArray<float>? weights)
    {
        Parallel.For(0, offsets.Length - 1, new ParallelOptions(), () => 0, (v, _, _) =>
        {
            var degree = (int)(offsets[v + 1] - offsets[v]);
            if (degree > 1)
            {
                var keys = targets.AsSpan(offsets[v], degree);
                if (weights is null)
                {
                    keys.Sort();
                }
                else
                {
                    keys.Sort(weights.AsSpan(offsets[v], degree));
                }
            }
            return 0;
        }, _ => { });
    }

    /// <summary>A copy with repeated neighbours merged into one edge (weights summed).</summary>
    private CsrGraph MergeDuplicateEdges()
    {
        var merged = new long[_offsets.Length];
        for (var v = 0; v < NodeCount; v++)
        {
            var n = Neighbors(v);
            var distinct = 0;
            for (var i = 0; i < n.Length; i++)
            {
                if (i == 0 || n[i] != n[i - 1])
                {
                    distinct++;
                }
            }
            merged[v + 1] = merged[v] + distinct;
        }
        var targets = NativeArray<int>.Uninitialized(merged[^1]);
        var weights = _weights is null ? null : NativeArray<float>.Uninitialized(merged[^1]);
        Parallel.For(0, NodeCount, v =>
        {
            var n = Neighbors(v);
            var w = NeighborWeights(v);
            var at = merged[v] - 1;
            for (var i = 0; i < n.Length; i++)
            {
                if (i == 0 || n[i] != n[i - 1])
                {
                    targets[++at] = n[i];
                    if (weights is not null)
                    {
                        weights[at] = w[i];
                    }
                }
                else if (weights is not null)
                {
                    weights[at] += w[i];
                }
            }
        });
        Dispose();
        return new CsrGraph(merged, targets, weights);
    }

    /// <summary>The graph with every edge reversed (in-neighbours become neighbours).</summary>
    /// <remarks>
    /// A counting sort by target: sources are visited in ascending order, so every reversed
    /// neighbourhood comes out sorted without a sort pass. Repeated edges and weights are kept.
    /// </remarks>
    public CsrGraph Transpose()
    {
        var offsets = new long[_offsets.Length];
        for (var v = 0; v < NodeCount; v++)
        {
            foreach (var u in Neighbors(v))
            {
                offsets[u + 1]++;
            }
        }
        for (var v = 0; v < NodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var targets = NativeArray<int>.Uninitialized(EdgeCount);
        var weights = _weights is null ? null : NativeArray<float>.Uninitialized(EdgeCount);
        var cursor = (long[])offsets.Clone();
        for (var v = 0; v < NodeCount; v++)
        {
            var n = Neighbors(v);
            for (var i = 0; i < n.Length; i++)
            {
                var at = cursor[n[i]]++;
                targets[at] = v;
                if (weights is not null)
                {
                    weights[at] = _weights![_offsets[v] + i];
                }
            }
        }
        return new CsrGraph(offsets, targets, weights);
    }
}
