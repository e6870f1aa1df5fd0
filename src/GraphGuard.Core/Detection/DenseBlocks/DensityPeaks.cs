namespace GraphGuard.Core.Detection.DenseBlocks;

/// <summary>
/// The blocks one peel holds. Replaying a greedy peel backwards, nodes come back in reverse order and
/// connected components grow and merge. Peeling never lets one component change another's degrees, so the
/// order inside a component is that component's own greedy peel, and its densest moment is the block FRAUDAR
/// would return on it alone. A component's peak is carried while it only grows, and set aside as a
/// candidate when it merges with another: one peel yields every farm it keeps apart, not only the densest.
/// </summary>
internal static class DensityPeaks
{
    /// <summary>
    /// Candidates of density at least <paramref name="minDensity"/>, densest first, each as its nodes
    /// (ascending); candidates overlapping a denser one are dropped.
    /// </summary>
    /// <param name="graph">The graph peeled.</param>
    /// <param name="order">The peel: present nodes in the order they were removed.</param>
    /// <param name="alive">Edges still in the graph, by edge id.</param>
    /// <param name="minDensity">Least density g = f / |S| of a candidate.</param>
    public static List<int[]> Find(EngagementGraph graph, int[] order, bool[] alive, double minDensity)
    {
        var tree = new ComponentTree(graph.NodeCount, order.Length);
        var time = new int[graph.NodeCount];
        Array.Fill(time, -1);
        for (var i = 0; i < order.Length; i++)
        {
            time[order[i]] = i;
        }
        var components = new DisjointSets(graph.NodeCount);
        var candidates = new List<int>();
        for (var i = order.Length - 1; i >= 0; i--)
        {
            var v = order[i];
            tree.AddLeaf(v, i);
            for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
            {
                var (u, e) = (graph.Neighbors[k], graph.EdgeIds[k]);
                if (time[u] <= i || !alive[e])
                {
                    continue; // not back yet, or gone
                }
                var (rv, ru) = (components.Find(v), components.Find(u));
                if (rv != ru)
                {
                    var merged = tree.Merge(tree.Top[rv], tree.Top[ru], i, minDensity, candidates);
                    components.Union(rv, ru);
                    tree.Top[components.Find(v)] = merged;
                }
                tree.AddWeight(tree.Top[components.Find(v)], graph.EdgeWeights[e], i);
            }
        }
        foreach (var v in order)
        {
            if (components.Find(v) == v && IsCandidate(tree.Peak(tree.Top[v]), minDensity))
            {
                candidates.Add(tree.Top[v]);
            }
        }
        return Select(tree, candidates, time, graph.NodeCount);
    }

    // A block has at least one edge, whatever the minimum.
    private static bool IsCandidate(double peak, double minDensity) => peak > 0 && peak >= minDensity;

    private static List<int[]> Select(ComponentTree tree, List<int> candidates, int[] time, int nodeCount)
    {
        var taken = new bool[nodeCount];
        var blocks = new List<int[]>();
        foreach (var c in candidates.OrderByDescending(tree.Peak).ThenBy(c => c))
        {
            var nodes = tree.MembersAtPeak(c, time);
            if (nodes.Any(v => taken[v]))
            {
                continue;
            }
            foreach (var v in nodes)
            {
                taken[v] = true;
            }
            nodes.Sort();
            blocks.Add([.. nodes]);
        }
        return blocks;
    }

    /// <summary>
    /// The merge tree of the replay: leaves are graph nodes, each merge a new id. Per tree node: edge weight
    /// f, size, the earliest peel step among its nodes, and the peak density it carries with the step it was
    /// reached at; the members at the peak are the leaves below it that were back by then.
    /// </summary>
    private sealed class ComponentTree
    {
        private readonly double[] _weight;
        private readonly int[] _size;
        private readonly int[] _firstStep;
        private readonly double[] _peak;
        private readonly int[] _peakStep;
        private readonly int[] _left;
        private readonly int[] _right;
        private readonly int _leaves;
        private int _next;

        public ComponentTree(int leaves, int maxMerges)
        {
            var capacity = leaves + maxMerges;
            (_weight, _size, _firstStep, _peak, _peakStep) = (new double[capacity], new int[capacity], new int[capacity], new double[capacity], new int[capacity]);
            (_left, _right) = (new int[capacity], new int[capacity]);
            Top = new int[leaves];
            (_leaves, _next) = (leaves, leaves);
        }

        /// <summary>Tree node of each union–find root.</summary>
        public int[] Top { get; }

        public double Peak(int id) => _peak[id];

        public void AddLeaf(int v, int step)
        {
            (_size[v], _firstStep[v], _peakStep[v], _left[v]) = (1, step, step, -1);
            Top[v] = v;
        }

        /// <summary>
        /// Joins two components at <paramref name="step"/>. A side's peak carries on into the union only if
        /// the other side came back wholly after it (so the peak's members are still exactly the same); every
        /// peak that does not carry on is set aside as a candidate when dense enough.
        /// </summary>
        public int Merge(int a, int b, int step, double minDensity, List<int> candidates)
        {
            var c = _next++;
            (_left[c], _right[c]) = (a, b);
            (_weight[c], _size[c], _firstStep[c]) = (_weight[a] + _weight[b], _size[a] + _size[b], Math.Max(_firstStep[a], _firstStep[b]));
            var carryA = _firstStep[b] < _peakStep[a];
            var carryB = _firstStep[a] < _peakStep[b];
            var carried = carryA && (!carryB || _peak[a] >= _peak[b]) ? a : carryB ? b : -1;
            foreach (var side in (ReadOnlySpan<int>)[a, b])
            {
                if (side != carried && IsCandidate(_peak[side], minDensity))
                {
                    candidates.Add(side);
                }
            }
            (_peak[c], _peakStep[c]) = carried >= 0 ? (_peak[carried], _peakStep[carried]) : (0, step);
            return c;
        }

        /// <summary>Adds an edge's weight to a component and records a new peak.</summary>
        public void AddWeight(int id, double weight, int step)
        {
            _weight[id] += weight;
            var density = _weight[id] / _size[id];
            if (density > _peak[id])
            {
                (_peak[id], _peakStep[id]) = (density, step);
            }
        }

        /// <summary>The graph nodes below <paramref name="id"/> that were back when it peaked.</summary>
        public List<int> MembersAtPeak(int id, int[] time)
        {
            var members = new List<int>();
            var stack = new Stack<int>();
            stack.Push(id);
            while (stack.TryPop(out var x))
            {
                if (x < _leaves)
                {
                    if (time[x] >= _peakStep[id])
                    {
                        members.Add(x);
                    }
                    continue;
                }
                stack.Push(_left[x]);
                stack.Push(_right[x]);
            }
            return members;
        }
    }
}
