namespace GraphGuard.Core.Graph;

public sealed partial class CsrGraph
{
    /// <summary>
    /// Builds a CSR graph over nodes 0..nodeCount-1 by counting sort on the source: one pass counts
    /// degrees, one scatters. Each neighbourhood comes out sorted by target (parallel over nodes), which
    /// algorithms such as triangle counting and merging of duplicates rely on.
    /// </summary>
    /// <remarks>
    /// Counting and scattering are split over contiguous ranges of the edge list, each with its own count and
    /// cursor per node that starts after the ranges before it: every neighbourhood is laid out in edge order
    /// exactly as one pass would lay it, so the graph (and any float sums over duplicates) is the same.
    /// </remarks>
    public static CsrGraph Build(int nodeCount, EdgeList edges, CsrBuildOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        // A count per node and range: worth it only when the edges outnumber the nodes.
        var ranges = edges.Count >= 8L * nodeCount ? Math.Clamp(Environment.ProcessorCount, 1, 4) : 1;
        var bounds = new long[ranges + 1];
        for (var r = 0; r <= ranges; r++)
        {
            bounds[r] = edges.Count * r / ranges;
        }
        var cursors = new long[ranges][];
        var firstBad = new long[ranges];
        Parallel.For(0, ranges, r =>
        {
            var count = cursors[r] = new long[nodeCount];
            firstBad[r] = -1;
            for (var i = bounds[r]; i < bounds[r + 1]; i++)
            {
                var (s, t) = (edges.Source(i), edges.Target(i));
                if ((uint)s >= (uint)nodeCount || (uint)t >= (uint)nodeCount)
                {
                    firstBad[r] = i;
                    return;
                }
                if (s == t && options.DropSelfLoops)
                {
                    continue;
                }
                count[s]++;
                if (options.Undirected && s != t)
                {
                    count[t]++;
                }
            }
        });
        if (firstBad.FirstOrDefault(i => i >= 0, -1) is var bad and >= 0)
        {
            throw new ArgumentException($"edge {bad} ({edges.Source(bad)} -> {edges.Target(bad)}) names a node outside 0..{nodeCount - 1}");
        }
        var offsets = LayOut(cursors, nodeCount);
        var targets = NativeArray<int>.Uninitialized(offsets[nodeCount]);
        var weights = options.Weighted ? NativeArray<float>.Uninitialized(offsets[nodeCount]) : null;
        Parallel.For(0, ranges, r =>
        {
            var cursor = cursors[r];
            for (var i = bounds[r]; i < bounds[r + 1]; i++)
            {
                var (s, t, w) = (edges.Source(i), edges.Target(i), edges.Weight(i));
                if (s == t && options.DropSelfLoops)
                {
                    continue;
                }
                Place(cursor, s, t, w);
                if (options.Undirected && s != t)
                {
                    Place(cursor, t, s, w);
                }
            }
        });

        void Place(long[] cursor, int from, int to, float w)
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

    /// <summary>
    /// Offsets of a counting sort split over ranges: each node's slots hold the ranges' entries one range after
    /// another. Turns each range's counts into its cursors, where that range's first entry for each node goes.
    /// </summary>
    private static long[] LayOut(long[][] counts, int nodeCount)
    {
        var offsets = new long[nodeCount + 1];
        for (var v = 0; v < nodeCount; v++)
        {
            var at = offsets[v];
            foreach (var count in counts)
            {
                (count[v], at) = (at, at + count[v]);
            }
            offsets[v + 1] = at;
        }
        return offsets;
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
        Parallel.For(0, NodeCount, v =>
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
            merged[v + 1] = distinct;
        });
        for (var v = 0; v < NodeCount; v++)
        {
            merged[v + 1] += merged[v];
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

    /// <summary>The graph with every edge reversed (in-edges become out-edges), weights kept; neighbourhoods stay sorted.</summary>
    public CsrGraph Transpose() => TransposeCore(null);

    /// <summary>
    /// The transpose with node <c>order[i]</c> renamed <c>i</c>: laying nodes out in the order an algorithm
    /// visits them keeps its memory reads sequential. Neighbourhoods stay sorted by new id.
    /// </summary>
    public CsrGraph Transpose(ReadOnlySpan<int> order)
    {
        if (order.Length != NodeCount)
        {
            throw new ArgumentException($"the order has {order.Length} nodes for a graph of {NodeCount}", nameof(order));
        }
        var newId = new int[NodeCount];
        newId.AsSpan().Fill(-1);
        for (var i = 0; i < order.Length; i++)
        {
            if ((uint)order[i] >= (uint)NodeCount || newId[order[i]] >= 0)
            {
                throw new ArgumentException($"the order is not a permutation (entry {i} is {order[i]})", nameof(order));
            }
            newId[order[i]] = i;
        }
        return TransposeCore(new Relabeling(order.ToArray(), newId));
    }

    private sealed record Relabeling(int[] Order, int[] NewId);

    // A counting sort, split over contiguous source ranges so each core counts and scatters its own:
    // per range, a count per target, then a cursor per target that starts after the ranges before it.
    // Visiting sources in increasing (new) id within each range keeps every neighbourhood sorted.
    private CsrGraph TransposeCore(Relabeling? relabel)
    {
        var n = NodeCount;
        var ranges = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var bounds = new int[ranges + 1];
        for (var r = 0; r <= ranges; r++)
        {
            bounds[r] = (int)((long)n * r / ranges);
        }
        var cursors = new long[ranges][];
        Parallel.For(0, ranges, r =>
        {
            var count = cursors[r] = new long[n];
            for (var i = bounds[r]; i < bounds[r + 1]; i++)
            {
                foreach (var u in Neighbors(relabel?.Order[i] ?? i))
                {
                    count[relabel?.NewId[u] ?? u]++;
                }
            }
        });
        var offsets = LayOut(cursors, n);
        var targets = NativeArray<int>.Uninitialized(EdgeCount);
        var weights = _weights is null ? null : NativeArray<float>.Uninitialized(EdgeCount);
        Parallel.For(0, ranges, r =>
        {
            var cursor = cursors[r];
            for (var i = bounds[r]; i < bounds[r + 1]; i++)
            {
                var v = relabel?.Order[i] ?? i;
                var neighbors = Neighbors(v);
                for (var k = 0; k < neighbors.Length; k++)
                {
                    var at = cursor[relabel?.NewId[neighbors[k]] ?? neighbors[k]]++;
                    targets[at] = i;
                    if (weights is not null)
                    {
                        weights[at] = _weights![_offsets[v] + k];
                    }
                }
            }
        });
        return new CsrGraph(offsets, targets, weights);
    }
}
