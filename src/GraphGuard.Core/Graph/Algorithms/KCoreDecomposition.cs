using System.Buffers;
using System.Collections.Concurrent;

namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// k-core decomposition of an undirected graph: a node's core number is the largest k such that it
/// belongs to a subgraph where every node has degree at least k (igraph's <c>coreness(mode="all")</c>).
/// </summary>
public static class KCoreDecomposition
{
    private const int Chunk = 4096;

    /// <summary>
    /// Core number per node. Expects a graph built with <c>Undirected = true</c>. Self-loops are ignored;
    /// repeated edges count as many times as they are stored, so build with <c>MergeDuplicates</c> (and
    /// <c>DropSelfLoops</c>) to get the answer for the simple graph, as igraph's <c>simplify()</c> would.
    /// </summary>
    public static int[] Compute(CsrGraph graph)
    {
        var n = graph.NodeCount;
        if (n == 0)
        {
            return [];
        }
        // The degrees become the core numbers in place.
        var degree = new int[n];
        var maxDegree = 0;
        var gate = new object();
        Parallel.ForEach(Partitioner.Create(0, n, Chunk), range =>
        {
            var localMax = 0;
            for (var v = range.Item1; v < range.Item2; v++)
            {
                degree[v] = graph.Degree(v) - Loops(graph.Neighbors(v), v);
                localMax = Math.Max(localMax, degree[v]);
            }
            lock (gate)
            {
                maxDegree = Math.Max(maxDegree, localMax);
            }
        });
        var position = ArrayPool<int>.Shared.Rent(n);
        var order = ArrayPool<int>.Shared.Rent(n);
        var binStart = ArrayPool<int>.Shared.Rent(maxDegree + 1);
        try
        {
            Peel(graph, degree, position.AsSpan(0, n), order.AsSpan(0, n), binStart.AsSpan(0, maxDegree + 1));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(position);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(binStart);
        }
        return degree;
    }

    // Batagelj & Zaversnik 2003, O(m): nodes sit in an array sorted by current degree, with binStart
    // marking where each degree begins. Taking nodes in order, each neighbour of higher degree drops by
    // one by swapping it to the front of its bin and moving the bin boundary past it.
    private static void Peel(CsrGraph graph, int[] degree, Span<int> position, Span<int> order, Span<int> binStart)
    {
        binStart.Clear();
        foreach (var d in degree)
        {
            binStart[d]++;
        }
        var start = 0;
        for (var d = 0; d < binStart.Length; d++)
        {
            (binStart[d], start) = (start, start + binStart[d]);
        }
        for (var v = 0; v < degree.Length; v++)
        {
            position[v] = binStart[degree[v]]++;
            order[position[v]] = v;
        }
        for (var d = binStart.Length - 1; d > 0; d--)
        {
            binStart[d] = binStart[d - 1];
        }
        if (binStart.Length > 0)
        {
            binStart[0] = 0;
        }
        for (var i = 0; i < order.Length; i++)
        {
            var v = order[i];
            var dv = degree[v];
            foreach (var u in graph.Neighbors(v))
            {
                var du = degree[u];
                if (du <= dv)
                {
                    continue;
                }
                var pu = position[u];
                var pw = binStart[du];
                var w = order[pw];
                if (u != w)
                {
                    (order[pu], order[pw]) = (w, u);
                    (position[u], position[w]) = (pw, pu);
                }
                binStart[du]++;
                degree[u] = du - 1;
            }
        }
    }

    private static int Loops(ReadOnlySpan<int> sortedNeighbours, int v)
    {
        var at = sortedNeighbours.BinarySearch(v);
        if (at < 0)
        {
            return 0;
        }
        var (first, last) = (at, at);
        while (first > 0 && sortedNeighbours[first - 1] == v)
        {
            first--;
        }
        while (last + 1 < sortedNeighbours.Length && sortedNeighbours[last + 1] == v)
        {
            last++;
        }
        return last - first + 1;
    }
}
