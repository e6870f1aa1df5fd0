namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// The per-node kernel of <see cref="NeighborSimilarity"/>: walks u → w → v through every common neighbour w,
/// counting shared neighbours and summing Adamic–Adar terms per v in a sparse accumulator (dense arrays plus
/// a list of touched entries, reset after each node), then keeps the k best of each measure.
/// </summary>
internal sealed class TwoHopWalk(
    CsrGraph graph, int[] degree, double[] inverseLog, int hubDegreeCap, int k,
    int[] jaccardIds, double[] jaccardScores, int[] adamicAdarIds, double[] adamicAdarScores, int[] kept, int[] candidates)
{
    /// <summary>Fills node u's lists; <paramref name="count"/> and <paramref name="adamicAdar"/> are all zero on entry and on exit.</summary>
    public void Node(int u, int[] count, double[] adamicAdar, int[] touched)
    {
        var reached = 0;
        var through = graph.Neighbors(u);
        for (var i = 0; i < through.Length; i++)
        {
            var w = through[i];
            // Skip self-loops and repeats, so neighbourhoods act as sets.
            if (w == u || (i > 0 && w == through[i - 1]) || degree[w] > hubDegreeCap)
            {
                continue;
            }
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
                if (count[v] == 0)
                {
                    touched[reached++] = v;
                }
                count[v]++;
                adamicAdar[v] += term;
            }
        }

        var slot = u * k;
        var jIds = jaccardIds.AsSpan(slot, k);
        var jScores = jaccardScores.AsSpan(slot, k);
        var aIds = adamicAdarIds.AsSpan(slot, k);
        var aScores = adamicAdarScores.AsSpan(slot, k);
        var filled = 0;
        for (var t = 0; t < reached; t++)
        {
            var v = touched[t];
            var shared = count[v];
            var jaccard = (double)shared / (degree[u] + degree[v] - shared);
            // Both lists hold the same candidates, so they fill at the same pace.
            Offer(jIds, jScores, filled, v, jaccard);
            Offer(aIds, aScores, filled, v, adamicAdar[v]);
            filled = Math.Min(filled + 1, k);
            count[v] = 0;
            adamicAdar[v] = 0;
        }
        kept[u] = filled;
        candidates[u] = reached;
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
}
