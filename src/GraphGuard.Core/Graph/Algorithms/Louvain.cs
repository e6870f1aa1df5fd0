namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Modularity communities of an undirected, optionally weighted graph: Louvain's local moving and
/// aggregation (Blondel et al. 2008) with Leiden's refinement (Traag, Waltman &amp; van Eck 2019), so no
/// community comes out internally disconnected.
/// </summary>
public static class Louvain
{
    /// <summary>
    /// Finds communities of <paramref name="graph"/>, which must be built with <c>Undirected = true</c> and
    /// non-negative weights. Self-loops and repeated edges count as in igraph's modularity. Deterministic
    /// for a given <see cref="LouvainOptions.Seed"/>.
    /// </summary>
    public static CommunityResult Run(CsrGraph graph, LouvainOptions? options = null)
    {
        options ??= new LouvainOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Resolution);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLevels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1);
        var n = graph.NodeCount;
        var levels = new List<CommunityLevel>();
        using var level0 = CommunityGraph.FromCsr(graph);
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }
        if (level0.TotalWeight <= 0)
        {
            return new CommunityResult(membership, n, double.NaN, levels);
        }
        var random = new Random(options.Seed);
        var best = double.NegativeInfinity;
        var communities = n;
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var found = SplitDisconnected(graph, Iterate(level0, membership, options, random, levels), out var count);
            var quality = level0.Modularity(found, options.Resolution);
            if (quality <= best + options.Tolerance)
            {
                break;
            }
            (membership, best, communities) = (found, quality, count);
            if (count == n)
            {
                break;
            }
        }
        return new CommunityResult(membership, communities, Modularity.Compute(graph, membership, options.Resolution), levels);
    }

    /// <summary>
    /// One Leiden iteration (Algorithm A.1): move nodes, refine, aggregate on the refined partition while
    /// the aggregate starts from the unrefined one, until moving changes nothing. Returns the flattened partition.
    /// </summary>
    private static int[] Iterate(CommunityGraph level0, int[] initial, LouvainOptions options, Random random, List<CommunityLevel> levels)
    {
        var n = level0.NodeCount;
        var nodeOf = new int[n];
        for (var v = 0; v < n; v++)
        {
            nodeOf[v] = v;
        }
        var graph = level0;
        var membership = (int[])initial.Clone();
        try
        {
            for (var level = 0; ; level++)
            {
                var order = Permutation(graph.NodeCount, random);
                var count = LocalMoving.Run(graph, membership, options.Resolution, options.Tolerance, order);
                levels.Add(new CommunityLevel(graph.NodeCount, count, graph.Modularity(membership, options.Resolution)));
                if (count == graph.NodeCount || level + 1 == options.MaxLevels)
                {
                    break;
                }
                var (refined, refinedCount) = LeidenRefinement.Refine(graph, membership, count, options.Resolution, order);
                if (refinedCount == graph.NodeCount)
                {
                    // Refinement merged nothing (only ties stood in the way): aggregate on the moved
                    // partition instead, so the next level is smaller; the final split restores connectivity.
                    (refined, refinedCount) = (membership, count);
                }
                var next = new int[refinedCount];
                for (var v = 0; v < graph.NodeCount; v++)
                {
                    next[refined[v]] = membership[v];
                }
                CommunityGraph.ForRanges(n, (from, to) =>
                {
                    for (var v = from; v < to; v++)
                    {
                        nodeOf[v] = refined[nodeOf[v]];
                    }
                });
                var aggregate = graph.Aggregate(refined, refinedCount);
                if (!ReferenceEquals(graph, level0))
                {
                    graph.Dispose();
                }
                (graph, membership) = (aggregate, next);
            }
            var result = new int[n];
            CommunityGraph.ForRanges(n, (from, to) =>
            {
                for (var v = from; v < to; v++)
                {
                    result[v] = membership[nodeOf[v]];
                }
            });
            return result;
        }
        finally
        {
            if (!ReferenceEquals(graph, level0))
            {
                graph.Dispose();
            }
        }
    }

    /// <summary>
    /// Splits every community into its connected components (breadth-first search inside the community)
    /// and numbers them densely by smallest node. Splitting a disconnected community only raises modularity;
    /// a converged Leiden run has nothing to split, but a run cut short by MaxLevels may.
    /// </summary>
    private static int[] SplitDisconnected(CsrGraph graph, int[] membership, out int count)
    {
        var n = graph.NodeCount;
        var component = new int[n];
        Array.Fill(component, -1);
        var queue = new int[n];
        count = 0;
        for (var root = 0; root < n; root++)
        {
            if (component[root] >= 0)
            {
                continue;
            }
            var community = membership[root];
            component[root] = count;
            int head = 0, tail = 0;
            queue[tail++] = root;
            while (head < tail)
            {
                foreach (var u in graph.Neighbors(queue[head++]))
                {
                    if (component[u] < 0 && membership[u] == community)
                    {
                        component[u] = count;
                        queue[tail++] = u;
                    }
                }
            }
            count++;
        }
        return component;
    }

    /// <summary>Fisher–Yates shuffle of 0..n-1.</summary>
    private static int[] Permutation(int n, Random random)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
