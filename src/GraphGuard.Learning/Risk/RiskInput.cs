using GraphGuard.Core.Features;

namespace GraphGuard.Learning.Risk;

/// <summary>What the risk model reads about every account of a snapshot, in account-index order.</summary>
/// <param name="Features">Graph, detector, content and profile features, one row per account.</param>
/// <param name="Relations">The account–account relations over the same accounts.</param>
/// <param name="Labels">Per account its latest label: true abusive, false benign, null none.</param>
public sealed record RiskInput(FeatureMatrix Features, RiskRelations Relations, IReadOnlyList<bool?> Labels)
{
    /// <summary>Checks that the three agree on the accounts.</summary>
    public void Validate()
    {
        if (Relations.Graph.NodeCount != Features.RowCount || Labels.Count != Features.RowCount)
        {
            throw new ArgumentException($"{Features.RowCount} feature rows, {Relations.Graph.NodeCount} graph nodes and {Labels.Count} labels: one per account each");
        }
    }
}
