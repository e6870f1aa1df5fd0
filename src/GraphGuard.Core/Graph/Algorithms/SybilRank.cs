namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// SybilRank (Cao, Sirivianos, Yang and Pregueiro, NSDI 2012): trust seeded on known-honest nodes spreads
/// by degree-normalized power iteration, each node handing its trust to its neighbours in proportion to edge
/// weight over its weighted degree. Stopped after O(log n) rounds, trust has mixed through the well-connected
/// honest region but little has crossed the few attack edges into Sybil regions; ranking by trust over degree
/// removes the bias towards high-degree nodes. Trust is conserved, except that an isolated seed loses its
/// share (it has no one to hand it to).
/// Takes an undirected graph (built with <c>Undirected = true</c>), weighted or not. Neighbourhoods are used
/// as stored: repeated edges count each time and a self-loop (stored once) once, in both degree and flow.
/// </summary>
public static class SybilRank
{
    /// <summary>Runs SybilRank from the given trusted seeds.</summary>
    public static SybilRankResult Compute(CsrGraph graph, SybilRankOptions options)
    {
        var n = graph.NodeCount;
        var seeds = DistinctSeeds(n, options.Seeds);
        if (n == 0)
        {
            return new SybilRankResult([], [], 0);
        }
        var iterations = options.Iterations ?? (n > 1 ? (int)Math.Ceiling(Math.Log2(n)) : 0);
        var totalTrust = options.TotalTrust ?? n;
        ArgumentOutOfRangeException.ThrowIfNegative(iterations, nameof(options));
        if (!(totalTrust > 0) || double.IsInfinity(totalTrust))
        {
            throw new ArgumentOutOfRangeException(nameof(options), totalTrust, "total trust must be positive and finite");
        }
        var trust = new double[n];
        foreach (var s in seeds)
        {
            trust[s] = totalTrust / seeds.Count;
        }

        var degree = new double[n];
        var share = new double[n];
        var nextShare = new double[n];
        var ranges = WorkRanges.Split(graph.Offsets);
        Parallel.For(0, ranges.Length - 1, r =>
        {
            for (var v = ranges[r]; v < ranges[r + 1]; v++)
            {
                degree[v] = graph.WeightedDegree(v);
                share[v] = degree[v] > 0 ? trust[v] / degree[v] : 0;
            }
        });

        // Pull form of the paper's push: T'(v) = sum over neighbours u of T(u) * w(u,v) / deg(u). The graph is
        // symmetric, so v's neighbourhood is also the set of nodes that send to v, and each node is written once.
        var weighted = graph.IsWeighted;
        var round = (int r) =>
        {
            for (var v = ranges[r]; v < ranges[r + 1]; v++)
            {
                var pulled = 0.0;
                var from = graph.Neighbors(v);
                if (weighted)
                {
                    var w = graph.NeighborWeights(v);
                    for (var i = 0; i < from.Length; i++)
                    {
                        pulled += share[from[i]] * w[i];
                    }
                }
                else
                {
                    foreach (var u in from)
                    {
                        pulled += share[u];
                    }
                }
                trust[v] = pulled;
                nextShare[v] = degree[v] > 0 ? pulled / degree[v] : 0;
            }
        };
        for (var i = 0; i < iterations; i++)
        {
            Parallel.For(0, ranges.Length - 1, round);
            (share, nextShare) = (nextShare, share);
        }
        // After the last round each node's share is exactly its degree-normalized trust.
        return new SybilRankResult(trust, share, iterations);
    }

    private static HashSet<int> DistinctSeeds(int n, IReadOnlyList<int> seeds)
    {
        var distinct = new HashSet<int>();
        foreach (var s in seeds)
        {
            if ((uint)s >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(seeds), s, $"seed outside 0..{n - 1}");
            }
            distinct.Add(s);
        }
        if (distinct.Count == 0 && n > 0)
        {
            throw new ArgumentException("SybilRank needs at least one trusted seed", nameof(seeds));
        }
        return distinct;
    }
}
