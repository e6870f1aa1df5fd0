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
        var weightOf = ArrayPool<double>.Shared.Rent(n);
        var seen = ArrayPool<bool>.Shared.Rent(n);
        var candidates = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var v = 0; v < n; v++)
            {
                labels[v] = v;
                order[v] = v;
            }
            Array.Clear(seen, 0, n);
            var random = new Random(options.Seed);
            var useWeights = options.UseWeights && graph.IsWeighted;
            var scratch = new Scratch(weightOf, seen, candidates);
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
            ArrayPool<double>.Shared.Return(weightOf);
            ArrayPool<bool>.Shared.Return(seen);
            ArrayPool<int>.Shared.Return(candidates);
        }
    }

    private readonly record struct Scratch(double[] WeightOf, bool[] Seen, int[] Candidates);

    // Keeps the current label when it ties for the lead, otherwise draws uniformly among the leaders:
    // keeping it is what lets the process stop (Raghavan's criterion) instead of flipping between ties.
    private static int MostFrequentLabel(CsrGraph graph, int v, int[] labels, bool useWeights, Scratch scratch, Random random)
    {
        var neighbours = graph.Neighbors(v);
        var weights = useWeights ? graph.NeighborWeights(v) : default;
        var (weightOf, seen, distinct) = (scratch.WeightOf, scratch.Seen, scratch.Candidates);
        var distinctCount = 0;
        for (var i = 0; i < neighbours.Length; i++)
        {
            var u = neighbours[i];
            if (u == v)
            {
                continue;
            }
            var label = labels[u];
            if (!seen[label])
            {
                seen[label] = true;
                weightOf[label] = 0;
                distinct[distinctCount++] = label;
            }
            weightOf[label] += useWeights ? weights[i] : 1;
        }
        if (distinctCount == 0)
        {
            return labels[v];
        }
        var best = double.NegativeInfinity;
        for (var i = 0; i < distinctCount; i++)
        {
            best = Math.Max(best, weightOf[distinct[i]]);
        }
        var current = labels[v];
        var keep = seen[current] && weightOf[current] == best;
        // Leaders are compacted to the front of the same scratch array as the distinct labels are released.
        var leaders = 0;
        for (var i = 0; i < distinctCount; i++)
        {
            var label = distinct[i];
            seen[label] = false;
            if (weightOf[label] == best)
            {
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
