namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// The state of one PageRank power iteration, pull-based: each node sums the shares its in-neighbours
/// send (damping x rank / out-weight), so every node is written by one thread and nothing is locked.
/// All buffers are made once; a step allocates nothing but the parallel loop's own bookkeeping.
/// </summary>
internal sealed class PageRankIteration
{
    private readonly CsrGraph _inEdges;
    private readonly double _damping;
    private readonly double[]? _restart;
    private readonly int[] _ranges;
    private readonly Action<int> _stepRange;

    // Damping / out-weight per node; 0 marks a dangling node.
    private readonly double[] _scale;

    // Extra weight of a node's self-loops, for undirected graphs where a loop is stored once but counts twice.
    private readonly double[]? _selfLoop;
    private readonly double[] _rank;
    private double[] _share;
    private double[] _nextShare;
    private readonly double[] _rangeChange;
    private readonly double[] _rangeDangling;
    private double _teleport;

    public PageRankIteration(CsrGraph outEdges, CsrGraph inEdges, double damping, bool undirected, double[]? restart)
    {
        var n = outEdges.NodeCount;
        _inEdges = inEdges;
        _damping = damping;
        _restart = restart;
        _ranges = WorkRanges.Split(inEdges.Offsets);
        _scale = new double[n];
        _selfLoop = undirected ? SelfLoopWeights(outEdges) : null;
        _rank = new double[n];
        _share = new double[n];
        _nextShare = new double[n];
        _rangeChange = new double[_ranges.Length - 1];
        _rangeDangling = new double[_ranges.Length - 1];
        _stepRange = StepRange;

        Parallel.For(0, _ranges.Length - 1, r =>
        {
            for (var v = _ranges[r]; v < _ranges[r + 1]; v++)
            {
                var outWeight = OutWeight(outEdges, v) + (_selfLoop?[v] ?? 0);
                _scale[v] = outWeight > 0 ? damping / outWeight : outWeight == 0 ? 0 : double.NaN;
            }
        });
        var bad = Array.FindIndex(_scale, double.IsNaN);
        if (bad >= 0)
        {
            throw new ArgumentException($"node {bad} has an out-edge weight that is negative or not finite");
        }
        // Start from the uniform vector, as PRPACK does; the fixed point does not depend on it.
        var dangling = 0.0;
        for (var v = 0; v < n; v++)
        {
            _rank[v] = 1.0 / n;
            _share[v] = _scale[v] * _rank[v];
            dangling += _scale[v] == 0 ? _rank[v] : 0;
        }
        _teleport = (1 - damping) + damping * dangling;
    }

    /// <summary>One iteration; returns the L1 change of the rank vector.</summary>
    public double Step()
    {
        Parallel.For(0, _ranges.Length - 1, _stepRange);
        double change = 0, dangling = 0;
        for (var r = 0; r < _rangeChange.Length; r++)
        {
            change += _rangeChange[r];
            dangling += _rangeDangling[r];
        }
        (_share, _nextShare) = (_nextShare, _share);
        // Mass at dangling nodes restarts like teleporting mass does, so the next step hands out both together.
        _teleport = (1 - _damping) + _damping * dangling;
        return change;
    }

    /// <summary>The rank vector scaled to sum exactly to 1 (rounding drifts it slightly).</summary>
    public double[] Normalized()
    {
        var sum = 0.0;
        foreach (var x in _rank)
        {
            sum += x;
        }
        var scores = new double[_rank.Length];
        for (var v = 0; v < scores.Length; v++)
        {
            scores[v] = _rank[v] / sum;
        }
        return scores;
    }

    private void StepRange(int range)
    {
        var share = _share;
        var nextShare = _nextShare;
        var weighted = _inEdges.IsWeighted;
        var uniform = _teleport / _rank.Length;
        double change = 0, dangling = 0;
        for (var v = _ranges[range]; v < _ranges[range + 1]; v++)
        {
            var pulled = 0.0;
            var from = _inEdges.Neighbors(v);
            if (weighted)
            {
                var w = _inEdges.NeighborWeights(v);
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
            if (_selfLoop is not null)
            {
                pulled += share[v] * _selfLoop[v];
            }
            var rank = (_restart is null ? uniform : _teleport * _restart[v]) + pulled;
            change += Math.Abs(rank - _rank[v]);
            _rank[v] = rank;
            nextShare[v] = _scale[v] * rank;
            if (_scale[v] == 0)
            {
                dangling += rank;
            }
        }
        _rangeChange[range] = change;
        _rangeDangling[range] = dangling;
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
            if (!(w >= 0) || float.IsInfinity(w))
            {
                return double.NaN;
            }
            sum += w;
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
