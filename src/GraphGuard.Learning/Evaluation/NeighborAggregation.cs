using System.Collections.Concurrent;
using System.Numerics.Tensors;
using GraphGuard.Core.Features;
using GraphGuard.Core.Graph;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// Neighbour-aggregated features, the input of GADBench's XGBGraph (Tang et al., NeurIPS 2023): per relation,
/// statistics of the neighbours' raw features, label-free. A node without neighbours gets zeros, as the
/// reference script (<c>ref_eval.py</c>) gives it.
/// </summary>
public static class NeighborAggregation
{
    private const int ChunkRows = 2048;

    /// <summary>
    /// The chosen statistics for every relation of <paramref name="graph"/>, relation by relation; columns are
    /// named <c>{relation}_{statistic}_{feature}</c> (<c>{relation}_degree</c> for the degree).
    /// </summary>
    public static FeatureMatrix Aggregate(FeatureMatrix features, SageGraph graph, NeighborStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(graph);
        var parts = graph.Relations.Select(r => Aggregate(features, r.Name, r.Graph, statistics)).ToList();
        return parts.Count == 0 ? new FeatureMatrix([], features.AccountIds, []) : FeatureBlocks.Join(parts);
    }

    /// <summary>The chosen statistics over one relation's neighbourhoods.</summary>
    public static FeatureMatrix Aggregate(FeatureMatrix features, string relation, CsrGraph graph, NeighborStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.NodeCount != features.RowCount)
        {
            throw new ArgumentException($"relation '{relation}' has {graph.NodeCount} nodes, the features {features.RowCount} rows", nameof(graph));
        }
        var blocks = new List<FeatureMatrix>();
        float[]? mean = null;
        Add(NeighborStatistics.Mean, "mean", Mean);
        Add(NeighborStatistics.Max, "max", () => Neighbourwise(features, graph, MaxOf));
        Add(NeighborStatistics.Degree, "degree", () => Degrees(graph));
        Add(NeighborStatistics.Min, "min", () => Neighbourwise(features, graph, MinOf));
        Add(NeighborStatistics.StandardDeviation, "std", () =>
        {
            var m = Mean();
            return Neighbourwise(features, graph, (x, neighbours, v, row) => DeviationOf(x, neighbours, v, row, m));
        });
        Add(NeighborStatistics.TwoHopMean, "mean2", () => Neighbourwise(new FeatureMatrix(features.Names, features.AccountIds, Mean()), graph, MeanOf));
        Add(NeighborStatistics.DifferenceFromMean, "diff", () =>
        {
            var m = Mean();
            return Neighbourwise(features, graph, (x, _, v, row) => TensorPrimitives.Subtract(x.Row(v), m.AsSpan(v * x.ColumnCount, x.ColumnCount), row));
        });
        return blocks.Count == 0 ? new FeatureMatrix([], features.AccountIds, []) : FeatureBlocks.Join(blocks);

        // Several statistics start from the one-hop mean; it is computed once, before any parallel pass reads it.
        float[] Mean() => mean ??= Neighbourwise(features, graph, MeanOf);

        void Add(NeighborStatistics statistic, string name, Func<float[]> compute)
        {
            if (statistics.HasFlag(statistic))
            {
                var values = compute();
                IReadOnlyList<string> names = statistic == NeighborStatistics.Degree
                    ? [$"{relation}_degree"]
                    : [.. features.Names.Select(f => $"{relation}_{name}_{f}")];
                blocks.Add(new FeatureMatrix(names, features.AccountIds, values));
            }
        }
    }

    /// <summary>Fills one output row per node from the node's neighbours; nodes without any keep zeros.</summary>
    private static float[] Neighbourwise(FeatureMatrix features, CsrGraph graph, RowStatistic statistic)
    {
        var width = features.ColumnCount;
        var output = new float[(long)features.RowCount * width];
        Parallel.ForEach(Partitioner.Create(0, features.RowCount, ChunkRows), range =>
        {
            for (var v = range.Item1; v < range.Item2; v++)
            {
                var neighbours = graph.Neighbors(v);
                if (!neighbours.IsEmpty)
                {
                    statistic(features, neighbours, v, output.AsSpan(v * width, width));
                }
            }
        });
        return output;
    }

    private delegate void RowStatistic(FeatureMatrix features, ReadOnlySpan<int> neighbours, int node, Span<float> row);

    private static void MeanOf(FeatureMatrix x, ReadOnlySpan<int> neighbours, int node, Span<float> row)
    {
        foreach (var u in neighbours)
        {
            TensorPrimitives.Add(row, x.Row(u), row);
        }
        TensorPrimitives.Multiply(row, 1f / neighbours.Length, row);
    }

    private static void MaxOf(FeatureMatrix x, ReadOnlySpan<int> neighbours, int node, Span<float> row)
    {
        x.Row(neighbours[0]).CopyTo(row);
        foreach (var u in neighbours[1..])
        {
            TensorPrimitives.Max(row, x.Row(u), row);
        }
    }

    private static void MinOf(FeatureMatrix x, ReadOnlySpan<int> neighbours, int node, Span<float> row)
    {
        x.Row(neighbours[0]).CopyTo(row);
        foreach (var u in neighbours[1..])
        {
            TensorPrimitives.Min(row, x.Row(u), row);
        }
    }

    /// <summary>sqrt(E[x²] − mean²), clamped at zero where rounding makes the difference negative.</summary>
    private static void DeviationOf(FeatureMatrix x, ReadOnlySpan<int> neighbours, int node, Span<float> row, float[] mean)
    {
        foreach (var u in neighbours)
        {
            TensorPrimitives.MultiplyAdd(x.Row(u), x.Row(u), row, row);
        }
        var m = mean.AsSpan(node * x.ColumnCount, x.ColumnCount);
        TensorPrimitives.Multiply(row, 1f / neighbours.Length, row);
        for (var c = 0; c < row.Length; c++)
        {
            row[c] = MathF.Sqrt(MathF.Max(0f, row[c] - (m[c] * m[c])));
        }
    }

    private static float[] Degrees(CsrGraph graph)
    {
        var degrees = new float[graph.NodeCount];
        for (var v = 0; v < degrees.Length; v++)
        {
            degrees[v] = graph.Degree(v);
        }
        return degrees;
    }
}
