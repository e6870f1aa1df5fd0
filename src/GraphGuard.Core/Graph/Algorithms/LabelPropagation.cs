using System.Buffers;

namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Communities by asynchronous label propagation (Raghavan, Albert &amp; Kumara 2007): every node starts
/// with its own label and, visiting nodes in a random order, takes the label most frequent (heaviest)
/// among its neighbours until no node wants to change.
/// </summary>
public static class LabelPropagation
{
    /// <summary>
    /// Finds communities of an undirected graph (built with <c>Undirected = true</c>); self-loops are
    /// ignored. Sequential by design: in the asynchronous variant each update sees the ones before it in
    /// the seeded order, which is what makes the result depend on the seed alone, never on threads.
    /// Communities are connected: a label that ends up on separate parts of the graph names one
    /// community per part.
    /// </summary>
    public static LabelPropagationResult Compute(CsrGraph graph, LabelPropagationOptions? options = null)
    {
        options ??= new LabelPropagationOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIterations);
        var n = graph.NodeCount;
        var labels = new int[n];
        var order = ArrayPool<int>.Shared.Rent(n);
        var tally = ArrayPool<double>.Shared.Rent(n);
        var slot = ArrayPool<int>.Shared.Rent(n);
        var candidates = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var v = 0; v < n; v++)
            {
                labels[v] = v;
                order[v] = v;
            }
            Array.Fill(slot, -1, 0, n);
            var random = new Random(options.Seed);
            var useWeights = options.UseWeights && graph.IsWeighted;
            var scratch = new Scratch(candidates, tally, slot);
            var (iterations, converged) = (0, false);
            while (!converged && iterations < options.MaxIterations)
            {
                iterations++;
                random.Shuffle(order.AsSpan(0, n));
                converged = true;
                foreach (var v in order.AsSpan(0, n))
                {
                    var next = MostFrequentLabel(graph, v, labels, useWeights, scratch, random);
                    if (next != labels[v])
                    {
                        labels[v] = next;
                        converged = false;
                    }
                }
            }
            var communities = SplitIntoConnectedParts(graph, labels, candidates);
            return new LabelPropagationResult(labels, communities, iterations, converged);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<double>.Shared.Return(tally);
            ArrayPool<int>.Shared.Return(slot);
            ArrayPool<int>.Shared.Return(candidates);
        }
    }

    // Per-visit tallies: Labels[k] with weight Tally[k]; Slot maps a label to its k (or -1) for big
    // neighbourhoods, small ones scan Labels instead and skip the random accesses into Slot.
    private readonly record struct Scratch(int[] Labels, double[] Tally, int[] Slot);

    private const int SmallNeighbourhood = 32;

    // Keeps the current label when it ties for the lead, otherwise draws uniformly among the leaders, as
    // NetworkX's asyn_lpa_communities does: keeping it is what lets the process stop (Raghavan's
    // criterion, every node holds a most frequent label) instead of flipping between ties.
    private static int MostFrequentLabel(CsrGraph graph, int v, int[] labels, bool useWeights, Scratch scratch, Random random)
    {
        var neighbours = graph.Neighbors(v);
        var weights = useWeights ? graph.NeighborWeights(v) : default;
        var (distinct, tally, slot) = (scratch.Labels, scratch.Tally, scratch.Slot);
        var small = neighbours.Length <= SmallNeighbourhood;
        var count = 0;
        for (var i = 0; i < neighbours.Length; i++)
        {
            var u = neighbours[i];
            if (u == v)
            {
                continue;
            }
            var label = labels[u];
            var k = small ? distinct.AsSpan(0, count).IndexOf(label) : slot[label];
            if (k < 0)
            {
                k = count++;
                distinct[k] = label;
                tally[k] = 0;
                if (!small)
                {
                    slot[label] = k;
                }
            }
            tally[k] += useWeights ? weights[i] : 1;
        }
        if (count == 0)
        {
            return labels[v];
        }
        var best = double.NegativeInfinity;
        for (var k = 0; k < count; k++)
        {
            best = Math.Max(best, tally[k]);
        }
        var current = labels[v];
        var keep = false;
        // Leaders are compacted to the front of the scratch labels as the slots are released.
        var leaders = 0;
        for (var k = 0; k < count; k++)
        {
            var label = distinct[k];
            if (!small)
            {
                slot[label] = -1;
            }
            if (tally[k] == best)
            {
                keep |= label == current;
                distinct[leaders++] = label;
            }
        }
        return keep ? current : distinct[random.Next(leaders)];
    }

    // Labels become community numbers 0..k-1, one per connected part of each label's nodes, numbered in
    // order of each part's smallest node. Returns k.
    private static int SplitIntoConnectedParts(CsrGraph graph, int[] labels, int[] stack)
    {
        var n = graph.NodeCount;
        var community = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Array.Fill(community, -1, 0, n);
            var count = 0;
            for (var start = 0; start < n; start++)
            {
                if (community[start] >= 0)
                {
                    continue;
                }
                var label = labels[start];
                community[start] = count;
                var top = 0;
                stack[top++] = start;
                while (top > 0)
                {
                    foreach (var u in graph.Neighbors(stack[--top]))
                    {
                        if (community[u] < 0 && labels[u] == label)
                        {
                            community[u] = count;
                            stack[top++] = u;
                        }
                    }
                }
                count++;
            }
            community.AsSpan(0, n).CopyTo(labels);
            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(community);
        }
    }
}
