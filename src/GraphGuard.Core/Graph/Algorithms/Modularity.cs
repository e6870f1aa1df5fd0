namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Modularity of a partition (Newman 2006), as igraph's <c>Graph.modularity(membership, weights, resolution)</c>.</summary>
public static class Modularity
{
    /// <summary>
    /// Q = 1/(2m) Σ_c [ W_c − γ K_c² / (2m) ], where W_c is the weight of adjacency inside community c (each
    /// edge from both ends, a self-loop twice) and K_c its total weighted degree (self-loops counted twice).
    /// <paramref name="graph"/> must be undirected with non-negative weights; community ids are any
    /// non-negative ints. NaN for a graph without edge weight, as igraph.
    /// </summary>
    public static double Compute(CsrGraph graph, ReadOnlySpan<int> communities, double resolution = 1.0)
    {
        var n = graph.NodeCount;
        if (communities.Length != n)
        {
            throw new ArgumentException($"{communities.Length} community ids for {n} nodes", nameof(communities));
        }
        var count = 0;
        foreach (var c in communities)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(communities));
            count = Math.Max(count, c + 1);
        }
        var membership = communities.ToArray();
        var degree = new double[n];
        var inner = CommunityGraph.SumRanges(n, (from, to) =>
        {
            double sum = 0;
            for (var v = from; v < to; v++)
            {
                var neighbors = graph.Neighbors(v);
                var weights = graph.NeighborWeights(v);
                var c = membership[v];
                double k = 0;
                for (var j = 0; j < neighbors.Length; j++)
                {
                    var u = neighbors[j];
                    // An undirected self-loop is stored once but counts at both of its ends.
                    var w = u == v ? 2.0 * weights[j] : weights[j];
                    k += w;
                    if (membership[u] == c)
                    {
                        sum += w;
                    }
                }
                degree[v] = k;
            }
            return sum;
        });
        var totals = new double[count];
        double twoM = 0;
        for (var v = 0; v < n; v++)
        {
            totals[membership[v]] += degree[v];
            twoM += degree[v];
        }
        if (twoM <= 0)
        {
            return double.NaN;
        }
        double expected = 0;
        foreach (var k in totals)
        {
            expected += k * k;
        }
        return (inner - resolution * expected / twoM) / twoM;
    }
}
