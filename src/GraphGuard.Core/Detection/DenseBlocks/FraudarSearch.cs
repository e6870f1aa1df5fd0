using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection.DenseBlocks;

/// <summary>
/// FRAUDAR (Hooi et al., KDD 2016), greedy peeling with log column weights, finding blocks in rounds: each
/// round peels what remains, removing the node of least weighted degree until none is left; the densest
/// intermediate subgraphs of the components the peel separates are the round's blocks; their edges are
/// then taken out and the next round peels the rest.
/// </summary>
/// <remarks>
/// Implementation note: before any peel, and again after each block is taken out, nodes are pruned while
/// their weighted degree is below <c>minDegree</c> or their edge count below the per-side minimum. The weighted
/// rule loses no block of density at least <c>minDegree</c>: taking a node of degree d &lt; g(S) out of S
/// raises its density, since (f − d) / (|S| − 1) &gt; f / |S| exactly when d &lt; f / |S|; so such a block,
/// stripped of its low nodes, is denser still and lies wholly in the pruned graph. On engagement data this
/// removes most of the long tail of light users and rarely engaged content, and peeling then runs on the
/// compacted remainder.
/// </remarks>
internal sealed class FraudarSearch
{
    private readonly double _minDegree;
    private readonly DenseBlockOptions _options;
    private EngagementGraph _graph = null!;
    private bool[] _alive = [];
    private bool[] _present = [];
    private double[] _degree = [];
    private int[] _count = [];
    private int _presentCount;

    /// <param name="graph">The engagement graph.</param>
    /// <param name="minDegree">Pruning threshold on weighted degree, and least density of a block.</param>
    /// <param name="options">Edge-count minimums, absorption and splitting.</param>
    public FraudarSearch(EngagementGraph graph, double minDegree, DenseBlockOptions options)
    {
        (_minDegree, _options) = (minDegree, options);
        Load(graph);
        Prune(Enumerable.Range(0, graph.NodeCount));
        Load(_graph.Induce(_present, _alive));
    }

    /// <summary>Nodes (accounts and targets) still in the search.</summary>
    public int NodeCount => _presentCount;

    /// <summary>The graph the search runs on now: the pruned and compacted input.</summary>
    public EngagementGraph Graph => _graph;

    /// <summary>
    /// One round: a greedy peel of what remains, every block of density at least <c>minDegree</c> it
    /// separates (densest first, see <see cref="DensityPeaks"/>), each split where it only joins unrelated
    /// groups (<see cref="CommunitySplit"/>: two farms sharing a customer), widened by <see cref="Absorb"/>
    /// and then taken out of the graph. Empty when no block is left.
    /// </summary>
    public List<DenseBlock> NextRound()
    {
        if (_presentCount == 0)
        {
            return [];
        }
        if (2 * _presentCount < _graph.NodeCount)
        {
            Load(_graph.Induce(_present, _alive));
        }
        var blockOf = new int[_graph.NodeCount];
        Array.Fill(blockOf, -1);
        var count = 0;
        foreach (var part in DensityPeaks.Find(_graph, Peel(), _alive, _minDegree).SelectMany(Split))
        {
            foreach (var v in part)
            {
                blockOf[v] = count;
            }
            count++;
        }
        for (var b = 0; b < count; b++)
        {
            Absorb(blockOf, b);
        }
        var blocks = Enumerable.Range(0, count).Select(b => Describe(blockOf, b)).ToList();
        TakeOut(blockOf);
        return blocks;
    }

    private void Load(EngagementGraph graph)
    {
        _graph = graph;
        _alive = new bool[graph.EdgeCount];
        Array.Fill(_alive, true);
        _present = new bool[graph.NodeCount];
        Array.Fill(_present, true);
        _presentCount = graph.NodeCount;
        _degree = new double[graph.NodeCount];
        _count = new int[graph.NodeCount];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            _count[v] = graph.Degree(v);
            for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
            {
                _degree[v] += graph.EdgeWeights[graph.EdgeIds[k]];
            }
        }
    }

    /// <summary>One greedy peel over the present nodes: the order they leave in, least weighted degree first.</summary>
    public int[] Peel()
    {
        var g = _graph;
        var priority = new double[g.NodeCount];
        for (var v = 0; v < g.NodeCount; v++)
        {
            priority[v] = _present[v] ? _degree[v] : double.PositiveInfinity;
        }
        var tree = new MinTree(priority);
        var order = new int[_presentCount];
        var peeled = new bool[g.NodeCount];
        for (var step = 0; step < order.Length; step++)
        {
            var v = tree.Min;
            tree.Set(v, double.PositiveInfinity);
            (order[step], peeled[v]) = (v, true);
            for (var k = g.Offsets[v]; k < g.Offsets[v + 1]; k++)
            {
                var u = g.Neighbors[k];
                if (_present[u] && !peeled[u] && _alive[g.EdgeIds[k]])
                {
                    tree.Set(u, tree[u] - g.EdgeWeights[g.EdgeIds[k]]);
                }
            }
        }
        return order;
    }

    /// <summary>The communities of a block's nodes (ascending) under its inner edges, weighted.</summary>
    private IEnumerable<List<int>> Split(int[] nodes)
    {
        using var edges = new EdgeList();
        foreach (var v in nodes.TakeWhile(_graph.IsRow))
        {
            foreach (var (k, w) in AliveEdges(v))
            {
                var u = Array.BinarySearch(nodes, _graph.Neighbors[k]);
                if (u >= 0)
                {
                    edges.Add(Array.BinarySearch(nodes, v), u, (float)w);
                }
            }
        }
        var membership = CommunitySplit.Run(nodes.Length, edges, _options.MaxCutShare);
        return nodes.Select((v, i) => (v, Part: membership[i])).GroupBy(n => n.Part).Select(g => g.Select(n => n.v).ToList());
    }

    /// <summary>
    /// Adds to block <paramref name="b"/> the accounts (targets) in no block whose weight into it reaches
    /// <c>absorbShare</c> of the mean weight of its accounts (targets). The densest subgraph leaves out every
    /// member whose degree is below the density, and a farm's least active members (created late, or
    /// skipping a few orders) sit just below. And a farm that met another through a shared target while it
    /// came back in the replay peaks with part of its targets only; its members still engage the rest.
    /// </summary>
    private void Absorb(int[] blockOf, int b)
    {
        var g = _graph;
        var (weight, rows, columns) = (0.0, 0, 0);
        var into = new Dictionary<int, double>();
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (blockOf[v] != b)
            {
                continue;
            }
            (rows, columns) = g.IsRow(v) ? (rows + 1, columns) : (rows, columns + 1);
            foreach (var (k, w) in AliveEdges(v))
            {
                var u = g.Neighbors[k];
                if (blockOf[u] == b)
                {
                    weight += g.IsRow(v) ? w : 0;
                }
                else if (blockOf[u] < 0)
                {
                    into[u] = into.GetValueOrDefault(u) + w;
                }
            }
        }
        // Weights count edges into the block as peeled only, so nothing joins through another newcomer.
        foreach (var (node, w) in into.Where(n => n.Value >= _options.AbsorbShare * weight / (g.IsRow(n.Key) ? rows : columns)))
        {
            blockOf[node] = b;
        }
    }

    private DenseBlock Describe(int[] blockOf, int b)
    {
        var g = _graph;
        var (accounts, accountWeights, targets, targetEdges) = (new List<int>(), new List<double>(), new List<int>(), new List<int>());
        var (edges, weight) = (0, 0.0);
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (blockOf[v] != b)
            {
                continue;
            }
            var (count, sum) = (0, 0.0);
            foreach (var (k, w) in AliveEdges(v))
            {
                if (blockOf[g.Neighbors[k]] == b)
                {
                    count++;
                    sum += w;
                }
            }
            if (g.IsRow(v))
            {
                (edges, weight) = (edges + count, weight + sum);
                accounts.Add(g.Labels[v]);
                accountWeights.Add(sum);
            }
            else
            {
                targets.Add(g.Labels[v]);
                targetEdges.Add(count);
            }
        }
        return new DenseBlock([.. accounts], [.. accountWeights], [.. targets], [.. targetEdges], edges, weight);
    }

    /// <summary>Removes every block's inner edges, then prunes the nodes that fall below the minimums.</summary>
    private void TakeOut(int[] blockOf)
    {
        var g = _graph;
        var touched = new List<int>();
        for (var v = 0; v < g.RowCount; v++)
        {
            if (blockOf[v] < 0)
            {
                continue;
            }
            foreach (var (k, w) in AliveEdges(v))
            {
                var u = g.Neighbors[k];
                if (blockOf[u] != blockOf[v])
                {
                    continue;
                }
                _alive[g.EdgeIds[k]] = false;
                (_degree[v], _degree[u]) = (_degree[v] - w, _degree[u] - w);
                (_count[v], _count[u]) = (_count[v] - 1, _count[u] - 1);
                touched.Add(u);
            }
            touched.Add(v);
        }
        Prune(touched);
    }

    /// <summary>(adjacency entry, weight) of the alive edges from <paramref name="v"/> to present nodes.</summary>
    private IEnumerable<(int Entry, double Weight)> AliveEdges(int v)
    {
        for (var k = _graph.Offsets[v]; k < _graph.Offsets[v + 1]; k++)
        {
            var e = _graph.EdgeIds[k];
            if (_alive[e] && _present[_graph.Neighbors[k]])
            {
                yield return (k, _graph.EdgeWeights[e]);
            }
        }
    }

    private void Prune(IEnumerable<int> candidates)
    {
        var queue = new Queue<int>(candidates);
        while (queue.TryDequeue(out var v))
        {
            if (!_present[v] || (_count[v] >= (_graph.IsRow(v) ? _options.MinAccountTargets : _options.MinTargetAccounts) && _degree[v] >= _minDegree))
            {
                continue;
            }
            _present[v] = false;
            _presentCount--;
            for (var k = _graph.Offsets[v]; k < _graph.Offsets[v + 1]; k++)
            {
                var u = _graph.Neighbors[k];
                if (_present[u] && _alive[_graph.EdgeIds[k]])
                {
                    _degree[u] -= _graph.EdgeWeights[_graph.EdgeIds[k]];
                    _count[u]--;
                    queue.Enqueue(u);
                }
            }
        }
    }
}
