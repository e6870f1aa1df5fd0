namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Top-k neighbour similarity for every node of an undirected graph, by Jaccard |N(u)∩N(v)| / |N(u)∪N(v)|
/// and by Adamic–Adar Σ 1/ln deg(w) over common neighbours w (Adamic and Adar 2003; Liben-Nowell and
/// Kleinberg 2004), matching NetworkX's <c>jaccard_coefficient</c> and <c>adamic_adar_index</c>.
/// Candidates are all other nodes sharing at least one neighbour, adjacent or not. Neighbourhoods are sets:
/// self-loops and repeated edges are ignored, as are weights.
/// </summary>
public static class NeighborSimilarity
{
    private const int NodesPerGrab = 64;

    /// <summary>Computes both top-k lists for every node.</summary>
    public static NeighborSimilarityResult Compute(CsrGraph graph, NeighborSimilarityOptions? options = null)
    {
        options ??= new NeighborSimilarityOptions();
        var n = graph.NodeCount;
        var k = options.K;
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HubDegreeCap, 0, nameof(options));
        if ((long)n * k > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(options), k, $"{n} nodes x top-{k} does not fit one array");
        }

        var degree = new int[n];
        var smallDegree = new byte[n];
        var inverseLog = new double[n];
        var ranges = WorkRanges.Split(graph.Offsets);
        Parallel.For(0, ranges.Length - 1, r =>
        {
            for (var v = ranges[r]; v < ranges[r + 1]; v++)
            {
                degree[v] = DistinctDegree(graph.Neighbors(v), v);
                smallDegree[v] = (byte)Math.Min(degree[v], byte.MaxValue);
                inverseLog[v] = degree[v] > 1 ? 1.0 / Math.Log(degree[v]) : 0;
            }
        });

        var result = new NeighborSimilarityResult(n, k);
        // Two-hop work per node varies wildly with its neighbours' degrees, so workers grab small blocks of
        // nodes from a shared counter instead of fixed ranges; each node's output slots are its own.
        var next = 0;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, (n + NodesPerGrab - 1) / NodesPerGrab));
        Parallel.For(0, workers, _ =>
        {
            using var walk = new TwoHopWalk(graph, degree, smallDegree, inverseLog, options.HubDegreeCap, result);
            int start;
            while ((start = Interlocked.Add(ref next, NodesPerGrab) - NodesPerGrab) < n)
            {
                for (var u = start; u < Math.Min(n, start + NodesPerGrab); u++)
                {
                    walk.Node(u);
                }
            }
        });
        return result;
    }

    /// <summary>Neighbours other than the node itself, each counted once (the neighbourhood is sorted).</summary>
    internal static int DistinctDegree(ReadOnlySpan<int> neighbors, int node)
    {
        var distinct = 0;
        for (var i = 0; i < neighbors.Length; i++)
        {
            if (neighbors[i] != node && (i == 0 || neighbors[i] != neighbors[i - 1]))
            {
                distinct++;
            }
        }
        return distinct;
    }
}
