namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Local moving phase: each node moves to the neighbouring community (or an empty one) of largest
/// modularity gain (Blondel et al. 2008), visited from a queue that only takes back the neighbours of a
/// node that moved (Leiden's fast local moving, Traag, Waltman &amp; van Eck 2019, Algorithm A.2).
/// </summary>
/// <remarks>
/// Implementation note: sequential on purpose; parallel moves would make the result depend on thread
/// timing. The inner loop touches only flat arrays: community weights, community sizes, and one reusable
/// accumulator of edge weight per neighbouring community, cleared through the list of communities it touched.
/// </remarks>
internal static class LocalMoving
{
    /// <summary>
    /// Improves <paramref name="membership"/> (ids below the node count) in place, visiting nodes first in
    /// <paramref name="order"/>, then renumbers it densely; returns the number of communities.
    /// </summary>
    public static int Run(CommunityGraph graph, int[] membership, double resolution, double tolerance, int[] order)
    {
        var n = graph.NodeCount;
        var k = graph.NodeWeight;
        var scale = resolution / graph.TotalWeight;
        // A move changes modularity by (its gain in edge weight) / m.
        var threshold = tolerance * graph.TotalWeight / 2;
        var total = new double[n];
        var size = new int[n];
        for (var v = 0; v < n; v++)
        {
            total[membership[v]] += k[v];
            size[membership[v]]++;
        }
        var empty = new int[n];
        var emptyCount = 0;
        for (var c = n - 1; c >= 0; c--)
        {
            if (size[c] == 0)
            {
                empty[emptyCount++] = c;
            }
        }
        var queue = (int[])order.Clone();
        var queued = new bool[n];
        Array.Fill(queued, true);
        int head = 0, pending = n;
        var gathered = new double[n];
        var touched = new int[graph.MaxDegree + 1];
        while (pending > 0)
        {
            var v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            pending--;
            queued[v] = false;
            var current = membership[v];
            var kv = k[v];
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            var touchedCount = 0;
            for (var j = 0; j < neighbors.Length; j++)
            {
                var c = membership[neighbors[j]];
                if (gathered[c] == 0)
                {
                    touched[touchedCount++] = c;
                }
                gathered[c] += weights[j];
            }
            total[current] -= kv;
            // Gain of joining c, in edge weight, without v: E(v, c) - γ k_v K_c / 2m. Staying is one option.
            var stay = gathered[current] - scale * kv * total[current];
            var bestGain = stay;
            var best = current;
            for (var i = 0; i < touchedCount; i++)
            {
                var c = touched[i];
                var gain = gathered[c] - scale * kv * total[c];
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = c;
                }
            }
            var alone = size[current] > 1 && bestGain < 0;
            if (alone)
            {
                // Alone in an empty community the gain is zero; one exists whenever v has company.
                bestGain = 0;
                best = empty[emptyCount - 1];
            }
            if (best != current && bestGain - stay > threshold)
            {
                if (alone)
                {
                    emptyCount--;
                }
                size[current]--;
                size[best]++;
                if (size[current] == 0)
                {
                    empty[emptyCount++] = current;
                }
                membership[v] = best;
                for (var j = 0; j < neighbors.Length; j++)
                {
                    var u = neighbors[j];
                    if (!queued[u] && membership[u] != best)
                    {
                        queued[u] = true;
                        var tail = head + pending;
                        queue[tail >= n ? tail - n : tail] = u;
                        pending++;
                    }
                }
            }
            else
            {
                best = current;
            }
            total[best] += kv;
            for (var i = 0; i < touchedCount; i++)
            {
                gathered[touched[i]] = 0;
            }
        }
        return Renumber(membership, size);
    }

    /// <summary>Dense ids in order of first appearance by node.</summary>
    private static int Renumber(int[] membership, int[] scratch)
    {
        Array.Fill(scratch, -1);
        var next = 0;
        for (var v = 0; v < membership.Length; v++)
        {
            var c = membership[v];
            if (scratch[c] < 0)
            {
                scratch[c] = next++;
            }
            membership[v] = scratch[c];
        }
        return next;
    }
}
