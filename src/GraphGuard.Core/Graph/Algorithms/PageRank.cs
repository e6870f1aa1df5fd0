namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// PageRank (Brin and Page 1998) and personalized PageRank, solved by Gauss–Seidel sweeps over strongly
/// connected components in topological order (see <see cref="PageRankSweeps"/>), matching igraph 0.10's
/// <c>pagerank</c> / <c>personalized_pagerank</c> (PRPACK) to within the tolerance:
/// <list type="bullet">
/// <item>A walker at a node follows an out-edge with probability proportional to its weight; repeated
/// edges count once each. A node without out-edges (or whose out-edges all weigh 0) is dangling: its
/// mass jumps to the restart distribution, uniform for plain PageRank, as PRPACK does.</item>
/// <item>A self-loop is an ordinary out-edge back to the node. In an undirected graph (stored once in
/// the CSR) it counts twice, as igraph's degree counts it; set <see cref="PageRankOptions.Undirected"/>.</item>
/// <item>Weights must be non-negative. Scores sum to 1.</item>
/// </list>
/// </summary>
public static class PageRank
{
    /// <summary>PageRank over the out-edges of <paramref name="graph"/>.</summary>
    public static PageRankResult Compute(CsrGraph graph, PageRankOptions? options = null)
    {
        options ??= new PageRankOptions();
        Validate(options);
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new PageRankResult([], 0, true);
        }
        var components = StronglyConnectedComponents.Compute(graph);
        using var sweeps = new PageRankSweeps(graph, components.Order, options.Damping, options.Undirected, RestartDistribution(n, options));
        var mostSweeps = 0;
        var converged = true;
        for (var c = 0; c < components.Count; c++)
        {
            var taken = sweeps.SolveComponent(components.ComponentStarts[c], components.ComponentStarts[c + 1], options.Tolerance, options.MaxIterations, out var done);
            mostSweeps = Math.Max(mostSweeps, taken);
            converged &= done;
        }
        return new PageRankResult(sweeps.Normalized(), mostSweeps, converged);
    }

    private static void Validate(PageRankOptions options)
    {
        if (options.Damping is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Damping, "damping must be in [0, 1)");
        }
        if (options.Tolerance <= 0 || options.MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "tolerance and max iterations must be positive");
        }
        if (options.Seeds is not null && options.Restart is not null)
        {
            throw new ArgumentException("give seeds or a restart vector, not both", nameof(options));
        }
    }

    /// <summary>The normalized restart vector, or null for uniform restarts.</summary>
    private static double[]? RestartDistribution(int n, PageRankOptions options)
    {
        var restart = new double[n];
        if (options.Seeds is { } seeds)
        {
            foreach (var s in seeds)
            {
                if ((uint)s >= (uint)n)
                {
                    throw new ArgumentOutOfRangeException(nameof(options), s, $"seed outside 0..{n - 1}");
                }
                restart[s] = 1;
            }
        }
        else if (options.Restart is { } vector)
        {
            if (vector.Count != n)
            {
                throw new ArgumentException($"restart vector has {vector.Count} entries for {n} nodes", nameof(options));
            }
            for (var v = 0; v < n; v++)
            {
                if (!(vector[v] >= 0) || double.IsInfinity(vector[v]))
                {
                    throw new ArgumentException($"restart entry {v} is {vector[v]}; entries must be finite and non-negative", nameof(options));
                }
                restart[v] = vector[v];
            }
        }
        else
        {
            return null;
        }
        var sum = restart.Sum();
        if (sum <= 0)
        {
            throw new ArgumentException("the restart distribution is empty", nameof(options));
        }
        for (var v = 0; v < n; v++)
        {
            restart[v] /= sum;
        }
        return restart;
    }
}
