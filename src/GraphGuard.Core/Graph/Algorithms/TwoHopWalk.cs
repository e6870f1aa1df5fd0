using System.Buffers;
using System.Numerics;

namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// One worker's kernel for <see cref="NeighborSimilarity"/>: walks u → w → v through every common neighbour w,
/// counting shared neighbours and summing Adamic–Adar terms per candidate v, then keeps the k best of each
/// measure. This is a row of the sparse product A·A, and like hash-based SpGEMM (Nagasaka et al. 2018) the
/// accumulator is an open-addressing table sized to the row's bound Σ deg(w), so a typical row stays in
/// L1/L2 where a dense n-sized accumulator would miss cache on nearly every step.
/// </summary>
internal sealed class TwoHopWalk(
    CsrGraph graph, int[] degree, byte[] smallDegree, double[] inverseLog, int hubDegreeCap, NeighborSimilarityResult result)
    : IDisposable
{
    private const int MinTable = 16;

    private int[] _keys = [];
    private SimilarityTally[] _tallies = [];
    private int[] _used = [];

    /// <summary>Fills node u's lists.</summary>
    public void Node(int u)
    {
        var through = graph.Neighbors(u);
        long bound = 0;
        for (var i = 0; i < through.Length; i++)
        {
            if (Walks(u, through, i))
            {
                bound += degree[through[i]];
            }
        }
        // Load at most one half keeps probes short; a row never has more than n - 1 distinct candidates.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinTable, 2 * Math.Min(bound, graph.NodeCount)));
        EnsureCapacity(size);
        var shift = 32 - BitOperations.Log2((uint)size);
        var mask = size - 1;
        var keys = _keys;
        var tallies = _tallies;
        var used = _used;
        var reached = 0;

        for (var i = 0; i < through.Length; i++)
        {
            if (!Walks(u, through, i))
            {
                continue;
            }
            var w = through[i];
            // Terms for w are added in ascending w for every v, so equal scores come out bit-identical.
            var term = inverseLog[w];
            var second = graph.Neighbors(w);
            for (var j = 0; j < second.Length; j++)
            {
                var v = second[j];
                if (v == u || v == w || (j > 0 && v == second[j - 1]))
                {
                    continue;
                }
                // Fibonacci hashing, linear probing.
                var h = (int)(((uint)v * 2654435769u) >> shift);
                while (keys[h] != v)
                {
                    if (keys[h] < 0)
                    {
                        keys[h] = v;
                        tallies[h] = default;
                        used[reached++] = h;
                        break;
                    }
                    h = (h + 1) & mask;
                }
                tallies[h].Shared++;
                tallies[h].AdamicAdar += term;
            }
        }
        Select(u, reached);
    }

    /// <summary>Moves the row's candidates into u's top-k lists and empties the table.</summary>
    private void Select(int u, int reached)
    {
        var jIds = result.JaccardIdSlots(u);
        var jScores = result.JaccardScoreSlots(u);
        var aIds = result.AdamicAdarIdSlots(u);
        var aScores = result.AdamicAdarScoreSlots(u);
        var k = jIds.Length;
        var filled = 0;
        for (var t = 0; t < reached; t++)
        {
            var h = _used[t];
            var v = _keys[h];
            var shared = _tallies[h].Shared;
            _keys[h] = -1;
            // Jaccard is at most shared / deg(u) (deg(v) >= shared): when even that cannot enter a full list,
            // skip reading deg(v). That read is random over all nodes and was half the run time on a 1M-node
            // graph, so it goes to the byte-sized copy (which stays in cache) and only saturated ones to the ints.
            if (filled < k || (double)shared / degree[u] >= jScores[k - 1])
            {
                var degreeV = smallDegree[v] < byte.MaxValue ? smallDegree[v] : degree[v];
                Offer(jIds, jScores, filled, v, (double)shared / (degree[u] + degreeV - shared));
            }
            // Both lists see the same candidates, so they fill at the same pace.
            Offer(aIds, aScores, filled, v, _tallies[h].AdamicAdar);
            filled = Math.Min(filled + 1, k);
        }
        result.SetCounts(u, filled, reached);
    }

    /// <summary>Whether the walk goes through u's i-th neighbour: not a self-loop, a repeat, or a capped hub.</summary>
    private bool Walks(int u, ReadOnlySpan<int> through, int i)
    {
        var w = through[i];
        return w != u && (i == 0 || w != through[i - 1]) && degree[w] <= hubDegreeCap;
    }

    private void EnsureCapacity(int size)
    {
        if (_keys.Length >= size)
        {
            return;
        }
        Dispose();
        _keys = ArrayPool<int>.Shared.Rent(size);
        _tallies = ArrayPool<SimilarityTally>.Shared.Rent(size);
        _used = ArrayPool<int>.Shared.Rent(size);
        Array.Fill(_keys, -1);
    }

    /// <summary>Inserts (v, score) into a best-first list of <paramref name="filled"/> entries if it makes the top k.</summary>
    private static void Offer(Span<int> ids, Span<double> scores, int filled, int v, double score)
    {
        var at = filled;
        if (at == ids.Length)
        {
            if (!Better(score, v, scores[at - 1], ids[at - 1]))
            {
                return;
            }
            at--;
        }
        // Insertion sort: shift worse entries down; k is small.
        while (at > 0 && Better(score, v, scores[at - 1], ids[at - 1]))
        {
            ids[at] = ids[at - 1];
            scores[at] = scores[at - 1];
            at--;
        }
        ids[at] = v;
        scores[at] = score;
    }

    // Higher score first; ties go to the lower node id, so results do not depend on walk order.
    private static bool Better(double score, int id, double otherScore, int otherId) =>
        score > otherScore || (score == otherScore && id < otherId);

    public void Dispose()
    {
        if (_keys.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_keys);
            ArrayPool<SimilarityTally>.Shared.Return(_tallies);
            ArrayPool<int>.Shared.Return(_used);
        }
        _keys = [];
        _tallies = [];
        _used = [];
    }
}
