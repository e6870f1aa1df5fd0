using System.Buffers;
using System.Collections.Concurrent;

namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// The weighted undirected graph one level of <see cref="Louvain"/> works on: the input graph at level 0,
/// then one node per (refined) community of the level below. Weights are doubles so sums over large
/// communities stay exact enough; self-loops are kept apart from the adjacency, as the weight of edges
/// inside the node (an inner edge counted from both ends, a self-loop twice, as igraph's modularity does),
/// so local moving never sees a node as its own neighbour.
/// </summary>
internal sealed class CommunityGraph : IDisposable
{
    private readonly long[] _offsets;
    private readonly NativeArray<int> _targets;
    private readonly NativeArray<double> _weights;

    private CommunityGraph(long[] offsets, NativeArray<int> targets, NativeArray<double> weights, double[] nodeWeight, double[] selfWeight)
    {
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
        NodeWeight = nodeWeight;
        SelfWeight = selfWeight;
        for (var v = 0; v < NodeCount; v++)
        {
            TotalWeight += nodeWeight[v];
            MaxDegree = Math.Max(MaxDegree, Degree(v));
        }
    }

    public int NodeCount => _offsets.Length - 1;

    /// <summary>Weighted degree of each node, self-loops counted twice.</summary>
    public double[] NodeWeight { get; }

    /// <summary>Weight inside each node: twice its self-loops (inner edges of an aggregate, from both ends).</summary>
    public double[] SelfWeight { get; }

    /// <summary>Sum of all node weights: twice the total edge weight (2m).</summary>
    public double TotalWeight { get; }

    public int MaxDegree { get; }

    public int Degree(int v) => (int)(_offsets[v + 1] - _offsets[v]);

    public ReadOnlySpan<int> Neighbors(int v) => _targets.AsSpan(_offsets[v], Degree(v));

    public ReadOnlySpan<double> Weights(int v) => _weights.AsSpan(_offsets[v], Degree(v));

    /// <summary>Copies an undirected CSR graph, moving self-loops out of the adjacency.</summary>
    public static CommunityGraph FromCsr(CsrGraph graph)
    {
        var n = graph.NodeCount;
        var offsets = new long[n + 1];
        var nodeWeight = new double[n];
        var selfWeight = new double[n];
        var negative = false;
        ForRanges(n, (from, to) =>
        {
            for (var v = from; v < to; v++)
            {
                var neighbors = graph.Neighbors(v);
                var weights = graph.NeighborWeights(v);
                double degree = 0, self = 0;
                var kept = 0;
                for (var i = 0; i < neighbors.Length; i++)
                {
                    negative |= weights[i] < 0;
                    if (neighbors[i] == v)
                    {
                        self += 2.0 * weights[i];
                    }
                    else
                    {
                        degree += weights[i];
                        kept++;
                    }
                }
                nodeWeight[v] = degree + self;
                selfWeight[v] = self;
                offsets[v + 1] = kept;
            }
        });
        if (negative)
        {
            throw new ArgumentException("modularity needs non-negative edge weights", nameof(graph));
        }
        PrefixSum(offsets);
        var targets = NativeArray<int>.Uninitialized(offsets[n]);
        var weightsOut = NativeArray<double>.Uninitialized(offsets[n]);
        ForRanges(n, (from, to) =>
        {
            for (var v = from; v < to; v++)
            {
                var neighbors = graph.Neighbors(v);
                var weights = graph.NeighborWeights(v);
                var at = offsets[v];
                for (var i = 0; i < neighbors.Length; i++)
                {
                    if (neighbors[i] != v)
                    {
                        targets[at] = neighbors[i];
                        weightsOut[at++] = weights[i];
                    }
                }
            }
        });
        return new CommunityGraph(offsets, targets, weightsOut, nodeWeight, selfWeight);
    }

    /// <summary>
    /// One node per community of <paramref name="membership"/> (dense ids below <paramref name="count"/>),
    /// edges between communities summed (Blondel et al. 2008, phase two). Two parallel passes over
    /// communities: one counts distinct neighbouring communities, one fills the adjacency.
    /// </summary>
    public CommunityGraph Aggregate(int[] membership, int count)
    {
        var (start, members) = GroupBy(membership, count);
        var offsets = new long[count + 1];
        ForRanges(count, (from, to) =>
        {
            var mark = ArrayPool<int>.Shared.Rent(count);
            try
            {
                Array.Fill(mark, -1, 0, count);
                for (var c = from; c < to; c++)
                {
                    var distinct = 0;
                    for (var i = start[c]; i < start[c + 1]; i++)
                    {
                        foreach (var u in Neighbors(members[i]))
                        {
                            var d = membership[u];
                            if (d != c && mark[d] != c)
                            {
                                mark[d] = c;
                                distinct++;
                            }
                        }
                    }
                    offsets[c + 1] = distinct;
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(mark);
            }
        });
        PrefixSum(offsets);
        var targets = NativeArray<int>.Uninitialized(offsets[count]);
        var weights = NativeArray<double>.Uninitialized(offsets[count]);
        var nodeWeight = new double[count];
        var selfWeight = new double[count];
        ForRanges(count, (from, to) =>
        {
            var slot = ArrayPool<long>.Shared.Rent(count);
            try
            {
                Array.Fill(slot, -1L, 0, count);
                for (var c = from; c < to; c++)
                {
                    var cursor = offsets[c];
                    double self = 0, degree = 0;
                    for (var i = start[c]; i < start[c + 1]; i++)
                    {
                        var v = members[i];
                        self += SelfWeight[v];
                        degree += NodeWeight[v];
                        var neighbors = Neighbors(v);
                        var w = Weights(v);
                        for (var j = 0; j < neighbors.Length; j++)
                        {
                            var d = membership[neighbors[j]];
                            if (d == c)
                            {
                                self += w[j];
                            }
                            else if (slot[d] < 0)
                            {
                                slot[d] = cursor;
                                targets[cursor] = d;
                                weights[cursor++] = w[j];
                            }
                            else
                            {
                                weights[slot[d]] += w[j];
                            }
                        }
                    }
                    for (var at = offsets[c]; at < cursor; at++)
                    {
                        slot[targets[at]] = -1;
                    }
                    nodeWeight[c] = degree;
                    selfWeight[c] = self;
                }
            }
            finally
            {
                ArrayPool<long>.Shared.Return(slot);
            }
        });
        return new CommunityGraph(offsets, targets, weights, nodeWeight, selfWeight);
    }

    /// <summary>Modularity (Newman 2006, with resolution) of a partition of this graph; NaN without edges, as igraph.</summary>
    public double Modularity(int[] membership, double resolution)
    {
        if (TotalWeight <= 0)
        {
            return double.NaN;
        }
        var inner = SumRanges(NodeCount, (from, to) =>
        {
            double sum = 0;
            for (var v = from; v < to; v++)
            {
                sum += SelfWeight[v];
                var c = membership[v];
                var neighbors = Neighbors(v);
                var w = Weights(v);
                for (var j = 0; j < neighbors.Length; j++)
                {
                    if (membership[neighbors[j]] == c)
                    {
                        sum += w[j];
                    }
                }
            }
            return sum;
        });
        var totals = new double[NodeCount];
        for (var v = 0; v < NodeCount; v++)
        {
            totals[membership[v]] += NodeWeight[v];
        }
        double expected = 0;
        foreach (var k in totals)
        {
            expected += k * k;
        }
        return (inner - resolution * expected / TotalWeight) / TotalWeight;
    }

    /// <summary>Nodes grouped by community with a counting sort: community c owns members[start[c]..start[c+1]).</summary>
    public static (int[] Start, int[] Members) GroupBy(ReadOnlySpan<int> membership, int count)
    {
        var start = new int[count + 1];
        foreach (var c in membership)
        {
            start[c + 1]++;
        }
        for (var c = 0; c < count; c++)
        {
            start[c + 1] += start[c];
        }
        var cursor = start.AsSpan(0, count).ToArray();
        var members = new int[membership.Length];
        for (var v = 0; v < membership.Length; v++)
        {
            members[cursor[membership[v]]++] = v;
        }
        return (start, members);
    }

    /// <summary>Runs <paramref name="body"/> over chunks of 0..count in parallel, never a task per item.</summary>
    public static void ForRanges(int count, Action<int, int> body, int chunk = 0)
    {
        if (count == 0)
        {
            return;
        }
        chunk = chunk > 0 ? chunk : Math.Max(1024, count / (Environment.ProcessorCount * 8) + 1);
        Parallel.ForEach(Partitioner.Create(0, count, chunk), range => body(range.Item1, range.Item2));
    }

    /// <summary>Sums <paramref name="body"/> over fixed chunks of 0..count in parallel, adding chunks in order so the result is the same on every run.</summary>
    public static double SumRanges(int count, Func<int, int, double> body)
    {
        var chunk = Math.Max(1024, count / (Environment.ProcessorCount * 8) + 1);
        var sums = new double[(count + chunk - 1) / chunk];
        ForRanges(sums.Length, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                sums[i] = body(i * chunk, Math.Min(count, (i + 1) * chunk));
            }
        }, chunk: 1);
        double total = 0;
        foreach (var s in sums)
        {
            total += s;
        }
        return total;
    }

    private static void PrefixSum(long[] offsets)
    {
        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] += offsets[i - 1];
        }
    }

    public void Dispose()
    {
        _targets.Dispose();
        _weights.Dispose();
    }
}
