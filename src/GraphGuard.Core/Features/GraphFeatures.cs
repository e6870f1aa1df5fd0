using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Features;

/// <summary>
/// Every per-account graph feature of a snapshot, as one matrix with a row per account (entity id order):
/// activity read off the interaction graph, then what the shared-context projection says.
/// </summary>
public static class GraphFeatures
{
    public static FeatureMatrix Compute(InteractionGraph graph, AccountProjection projection, long[] createdAtSeconds, DateTime windowEnd)
    {
        var table = new FeatureTable(projection.Accounts.Nodes);
        ActivityFeatures.Add(table, graph, projection.Accounts, createdAtSeconds, windowEnd);
        SharedContextFeatures.Add(table, projection);
        StructureFeatures.Add(table, projection.Graph);
        return table.ToMatrix();
    }
}
