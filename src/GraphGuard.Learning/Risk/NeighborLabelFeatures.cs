using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// Per relation, how many of an account's neighbours are labeled abusive and how many benign
/// (<c>abusive_neighbors_infrastructure</c>, ...). An account's own label never counts toward its own
/// features, so labeled and unlabeled accounts are described alike: the labels of a random sample of
/// accounts, seen from each account's neighbourhood.
/// </summary>
public static class NeighborLabelFeatures
{
    /// <summary>Feature name prefixes; the relation's name follows.</summary>
    public const string AbusivePrefix = "abusive_neighbors_";

    /// <inheritdoc cref="AbusivePrefix"/>
    public const string BenignPrefix = "benign_neighbors_";

    /// <summary>Whether a feature is derived from labels (and so must not feed GraphSAGE, whose aggregation would carry an account's own label back to it).</summary>
    public static bool IsLabelDerived(string feature) =>
        feature.StartsWith(AbusivePrefix, StringComparison.Ordinal) || feature.StartsWith(BenignPrefix, StringComparison.Ordinal);

    /// <param name="graph">The relations, over accounts 0..n-1.</param>
    /// <param name="labels">Per account: true abusive, false benign, null unlabeled.</param>
    public static IReadOnlyList<(string Name, float[] Values)> Compute(SageGraph graph, IReadOnlyList<bool?> labels)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != graph.NodeCount)
        {
            throw new ArgumentException($"{labels.Count} labels for {graph.NodeCount} accounts", nameof(labels));
        }
        var columns = new List<(string, float[])>();
        foreach (var relation in graph.Relations)
        {
            var abusive = new float[graph.NodeCount];
            var benign = new float[graph.NodeCount];
            var g = relation.Graph;
            Parallel.For(0, graph.NodeCount, a =>
            {
                int bad = 0, good = 0;
                foreach (var b in g.Neighbors(a))
                {
                    if (b != a && labels[b] is { } label)
                    {
                        bad += label ? 1 : 0;
                        good += label ? 0 : 1;
                    }
                }
                (abusive[a], benign[a]) = (bad, good);
            });
            columns.Add((AbusivePrefix + relation.Name, abusive));
            columns.Add((BenignPrefix + relation.Name, benign));
        }
        return columns;
    }
}
