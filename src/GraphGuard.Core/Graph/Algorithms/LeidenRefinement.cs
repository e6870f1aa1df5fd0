using System.Buffers;

namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Refinement phase of Leiden (Traag, Waltman &amp; van Eck 2019, Algorithm A.2, RefinePartition and
/// MergeNodesSubset): every community of the local-moving partition is split into sub-communities built
/// from singletons, where a node joins only a sub-community it is well connected to. Each sub-community is
/// therefore connected, and aggregating on them never glues badly connected parts together.
/// </summary>
internal static class LeidenRefinement
{
    /// <summary>
    /// Refines <paramref name="membership"/> (dense ids below <paramref name="count"/>) and returns the refined
    /// partition with dense ids, and how many sub-communities it has. Nodes are visited in <paramref name="order"/>.
    /// </summary>
    /// <remarks>
    /// Implementation note: communities are refined independently of one another (a node only ever joins a
    /// sub-community inside its own community), so they run in parallel, and each community visits its
    /// nodes in the same seeded order whatever the threads do: the result is deterministic. The merge is
    /// greedy (the paper's randomness θ → 0): a node joins the well-connected sub-community of largest gain.
    /// </remarks>
    public static (int[] Refined, int Count) Refine(CommunityGraph graph, int[] membership, int count, double resolution, int[] order)
    {
        var n = graph.NodeCount;
        var k = graph.NodeWeight;
        var scale = resolution / graph.TotalWeight;
        var communityWeight = new double[count];
        for (var v = 0; v < n; v++)
        {
            communityWeight[membership[v]] += k[v];
        }
        var orderedMembership = new int[n];
        for (var i = 0; i < n; i++)
        {
            orderedMembership[i] = membership[order[i]];
        }
        var (start, positions) = CommunityGraph.GroupBy(orderedMembership, count);

        // Sub-community state, indexed by the node that founded it: sub[v] is v's sub-community.
        var sub = new int[n];
        var subWeight = new double[n];
        var subSize = new int[n];
        var subExternal = new double[n];
        CommunityGraph.ForRanges(count, (from, to) =>
        {
            var gathered = ArrayPool<double>.Shared.Rent(n);
            var touched = ArrayPool<int>.Shared.Rent(graph.MaxDegree + 1);
            try
            {
                Array.Clear(gathered, 0, n);
                for (var c = from; c < to; c++)
                {
                    var members = positions.AsSpan(start[c], start[c + 1] - start[c]);
                    RefineCommunity(graph, membership, c, communityWeight[c], scale, members, order, sub, subWeight, subSize, subExternal, gathered, touched);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(gathered);
                ArrayPool<int>.Shared.Return(touched);
            }
        });

        // A node that moved points at a founder that never moves (it has company), so one hop finds the id.
        var dense = new int[n];
        Array.Fill(dense, -1);
        var refined = new int[n];
        var next = 0;
        for (var v = 0; v < n; v++)
        {
            var founder = sub[v];
            if (dense[founder] < 0)
            {
                dense[founder] = next++;
            }
            refined[v] = dense[founder];
        }
        return (refined, next);
    }

    private static void RefineCommunity(
        CommunityGraph graph, int[] membership, int community, double communityWeight, double scale,
        ReadOnlySpan<int> members, int[] order, int[] sub, double[] subWeight, int[] subSize, double[] subExternal,
        double[] gathered, int[] touched)
    {
        var k = graph.NodeWeight;
        foreach (var position in members)
        {
            var v = order[position];
            sub[v] = v;
            subWeight[v] = k[v];
            subSize[v] = 1;
            double inside = 0;
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            for (var j = 0; j < neighbors.Length; j++)
            {
                if (membership[neighbors[j]] == community)
                {
                    inside += weights[j];
                }
            }
            subExternal[v] = inside;
        }
        foreach (var position in members)
        {
            var v = order[position];
            var kv = k[v];
            // Only singletons move, and only when well connected to the rest of their community:
            // E(v, S - v) >= γ k_v (K_S - k_v) / 2m.
            if (sub[v] != v || subSize[v] != 1 || subExternal[v] < scale * kv * (communityWeight - kv))
            {
                continue;
            }
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            var touchedCount = 0;
            for (var j = 0; j < neighbors.Length; j++)
            {
                var u = neighbors[j];
                if (membership[u] != community)
                {
                    continue;
                }
                var s = sub[u];
                if (gathered[s] == 0)
                {
                    touched[touchedCount++] = s;
                }
                gathered[s] += weights[j];
            }
            double bestGain = 0;
            var best = v;
            for (var i = 0; i < touchedCount; i++)
            {
                var s = touched[i];
                var weight = subWeight[s];
                // The target must itself be well connected: E(C, S - C) >= γ K_C (K_S - K_C) / 2m.
                if (s == v || subExternal[s] < scale * weight * (communityWeight - weight))
                {
                    continue;
                }
                var gain = gathered[s] - scale * kv * weight;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = s;
                }
            }
            if (best != v)
            {
                sub[v] = best;
                subSize[v] = 0;
                subSize[best]++;
                subWeight[best] += kv;
                subExternal[best] += subExternal[v] - 2 * gathered[best];
            }
            for (var i = 0; i < touchedCount; i++)
            {
                gathered[touched[i]] = 0;
            }
        }
    }
}
