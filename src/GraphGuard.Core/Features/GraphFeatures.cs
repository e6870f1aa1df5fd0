using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Features;

/// <summary>
/// Every per-account graph feature of a snapshot, as one matrix with a row per account (entity id order):
/// activity read off the interaction graph, then what the shared-context projection says.
/// </summary>
public static class GraphFeatures
{
    /// <param name="graph">The snapshot.</param>
    /// <param name="projection">Its shared-context projection; rows follow its account numbering.</param>
    /// <param name="createdAtSeconds">Account creation per account index, seconds after the snapshot's time base (long.MinValue: unknown).</param>
    /// <param name="windowEnd">The instant account age is measured at.</param>
    /// <param name="trustedSeeds">Account indices trusted a priori (labeled benign); none leaves trust missing.</param>
    public static FeatureMatrix Compute(InteractionGraph graph, AccountProjection projection, long[] createdAtSeconds, DateTime windowEnd, IReadOnlyList<int> trustedSeeds)
    {
        var table = new FeatureTable(projection.Accounts.Nodes);
        ActivityFeatures.Add(table, graph, projection.Accounts, createdAtSeconds, windowEnd);
        SharedContextFeatures.Add(table, projection);
        StructureFeatures.Add(table, projection.Graph);
        using var follows = AccountActionGraph.Build(graph, projection.Accounts, Domain.WellKnownActions.Follow);
        RankingFeatures.Add(table, follows, projection.Graph, trustedSeeds);
        return table.ToMatrix();
    }
}
