namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Solves PageRank as the linear system x = (1 - d) r + d Pᵀ x, where P drops dangling rows, by
/// Gauss–Seidel sweeps over one strongly connected component at a time in topological order (as PRPACK
/// does). A component's in-neighbours outside it are already final when it is solved, so small components
/// are solved exactly at once and only the large cyclic parts iterate. Sending dangling mass to the restart
/// distribution only rescales that system's solution, so normalizing x at the end gives PageRank.
/// </summary>
internal sealed class PageRankSweeps : IDisposable
{
    private readonly int[] _order;

    // In-edges with nodes renamed to their place in the component order, so a sweep reads memory in sequence.
    private readonly CsrGraph _inEdges;

    // Per position in the order: (1 - d) x restart probability; null when restarts are uniform.
    private readonly double[]? _restart;
    private readonly double _uniformRestart;

    // Per position: damping / out-weight (0 for dangling nodes), what one unit of rank sends along one unit of weight.
    private readonly double[] _scale;

    // Per position: extra weight of self-loops, for undirected graphs where a loop is stored once but counts twice.
    private readonly double[]? _selfLoop;
    private readonly double[] _rank;
    private readonly double[] _share;

    // Components up to this size are solved exactly: a few small cycles would otherwise take dozens of sweeps each.
    private const int DirectSolveLimit = 24;
    private readonly double[] _system = new double[DirectSolveLimit * DirectSolveLimit];
    private readonly double[] _rightSide = new double[DirectSolveLimit];

    public PageRankSweeps(CsrGraph outEdges, int[] order, double damping, bool undirected, double[]? restart)
    {
        var n = outEdges.NodeCount;
        _order = order;
        // An undirected graph is its own transpose, so the same relabelled transpose serves both kinds.
        _inEdges = outEdges.Transpose(order);
        _uniformRestart = (1 - damping) / n;
        _scale = new double[n];
        _rank = new double[n];
        _share = new double[n];
        var loops = undirected ? SelfLoopWeights(outEdges) : null;
        _selfLoop = loops is null ? null : new double[n];
        _restart = restart is null ? null : new double[n];
        var outWeights = new double[n];
        var ranges = WorkRanges.Split(outEdges.Offsets);
        // Out-weights in node order (sequential reads), then gathered into component order, both on every core.
        Parallel.For(0, ranges.Length - 1, r =>
        {
            for (var v = ranges[r]; v < ranges[r + 1]; v++)
            {
                outWeights[v] = OutWeight(outEdges, v) + (loops?[v] ?? 0);
            }
        });
        var bad = Array.FindIndex(outWeights, w => !(w >= 0) || double.IsInfinity(w));
        if (bad >= 0)
        {
            throw new ArgumentException($"node {bad} has an out-edge weight that is negative or not finite");
        }
        Parallel.For(0, ranges.Length - 1, r =>
        {
            for (var i = ranges[r]; i < ranges[r + 1]; i++)
            {
                var v = order[i];
                _scale[i] = outWeights[v] > 0 ? damping / outWeights[v] : 0;
                _selfLoop?[i] = loops![v];
                _restart?[i] = (1 - damping) * restart![v];
            }
        });
    }

    /// <summary>
    /// Solves the component at positions [<paramref name="start"/>, <paramref name="end"/>); returns the
    /// sweeps taken (1 for a direct solve). A small component is solved exactly; a larger one is swept
    /// until a sweep changes its ranks by less than its share of the tolerance (tolerance x size / n, so
    /// the whole graph's change stays under the tolerance).
    /// </summary>
    public int SolveComponent(int start, int end, double tolerance, int maxSweeps, out bool converged)
    {
        converged = true;
        if (end - start <= DirectSolveLimit)
        {
            SolveDirectly(start, end);
            return 1;
        }
        var weighted = _inEdges.IsWeighted;
        var target = tolerance * (end - start) / _rank.Length;
        var sweeps = 0;
        double change;
        do
        {
            change = 0;
            for (var i = start; i < end; i++)
            {
                var rank = Restart(i) + Pulled(i, weighted);
                change += Math.Abs(rank - _rank[i]);
                _rank[i] = rank;
                _share[i] = _scale[i] * rank;
            }
            sweeps++;
        }
        while (change >= target && sweeps < maxSweeps);
        converged = change < target;
        return sweeps;
    }

    /// <summary>The solution scaled to sum to 1, indexed by the original node ids.</summary>
    public double[] Normalized()
    {
        var sum = 0.0;
        foreach (var x in _rank)
        {
            sum += x;
        }
        var scores = new double[_rank.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[_order[i]] = _rank[i] / sum;
        }
        return scores;
    }

    public void Dispose() => _inEdges.Dispose();

    private double Restart(int i) => _restart is null ? _uniformRestart : _restart[i];

    /// <summary>
    /// Gaussian elimination on (I - A) x = b, where A holds the component's internal edges and b its
    /// restart plus what finished components send in. Each column of A sums to at most the damping
    /// factor, so I - A is column diagonally dominant and needs no pivoting.
    /// </summary>
    private void SolveDirectly(int start, int end)
    {
        var k = end - start;
        var a = _system.AsSpan(0, k * k);
        var b = _rightSide.AsSpan(0, k);
        a.Clear();
        var weighted = _inEdges.IsWeighted;
        for (var r = 0; r < k; r++)
        {
            var i = start + r;
            a[r * k + r] = 1 - (_selfLoop is null ? 0 : _scale[i] * _selfLoop[i]);
            var outside = Restart(i);
            var from = _inEdges.Neighbors(i);
            var w = weighted ? _inEdges.NeighborWeights(i) : default;
            for (var e = 0; e < from.Length; e++)
            {
                var u = from[e];
                var weight = weighted ? w[e] : 1;
                if (u >= start && u < end)
                {
                    a[r * k + u - start] -= _scale[u] * weight;
                }
                else
                {
                    outside += _share[u] * weight;
                }
            }
            b[r] = outside;
        }
        for (var p = 0; p < k; p++)
        {
            for (var r = p + 1; r < k; r++)
            {
                var factor = a[r * k + p] / a[p * k + p];
                if (factor == 0)
                {
                    continue;
                }
                for (var c = p; c < k; c++)
                {
                    a[r * k + c] -= factor * a[p * k + c];
                }
                b[r] -= factor * b[p];
            }
        }
        for (var r = k - 1; r >= 0; r--)
        {
            var x = b[r];
            for (var c = r + 1; c < k; c++)
            {
                x -= a[r * k + c] * b[c];
            }
            b[r] = x / a[r * k + r];
            _rank[start + r] = b[r];
            _share[start + r] = _scale[start + r] * b[r];
        }
    }

    private double Pulled(int i, bool weighted)
    {
        var share = _share;
        var pulled = 0.0;
        var from = _inEdges.Neighbors(i);
        if (weighted)
        {
            var w = _inEdges.NeighborWeights(i);
            for (var k = 0; k < from.Length; k++)
            {
                pulled += share[from[k]] * w[k];
            }
        }
        else
        {
            foreach (var u in from)
            {
                pulled += share[u];
            }
        }
        return _selfLoop is null ? pulled : pulled + share[i] * _selfLoop[i];
    }

    private static double OutWeight(CsrGraph graph, int v)
    {
        if (!graph.IsWeighted)
        {
            return graph.Degree(v);
        }
        var sum = 0.0;
        foreach (var w in graph.NeighborWeights(v))
        {
            // A negative or infinite weight poisons the sum, which the caller refuses.
            sum += w < 0 ? double.NaN : w;
        }
        return sum;
    }

    private static double[]? SelfLoopWeights(CsrGraph graph)
    {
        double[]? loops = null;
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var neighbors = graph.Neighbors(v);
            var at = neighbors.BinarySearch(v);
            if (at < 0)
            {
                continue;
            }
            // Neighbourhoods are sorted, so every loop entry of v sits in one run around the match.
            var first = at;
            while (first > 0 && neighbors[first - 1] == v)
            {
                first--;
            }
            var weights = graph.NeighborWeights(v);
            loops ??= new double[graph.NodeCount];
            for (var i = first; i < neighbors.Length && neighbors[i] == v; i++)
            {
                loops[v] += weights[i];
            }
        }
        return loops;
    }
}
