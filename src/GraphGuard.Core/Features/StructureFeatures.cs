using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Features;

/// <summary>
/// Where an account sits in the shared-context graph: the size of its connected component, its core
/// number, triangles and clustering among the accounts it shares context with, and the size of its
/// label-propagation community. Coordinated groups sit in dense, tightly knit blocks.
/// </summary>
public static class StructureFeatures
{
    public static void Add(FeatureTable table, CsrGraph projection)
    {
        var componentSize = table.Add("component_size");
        var coreNumber = table.Add("core_number");
        var triangles = table.Add("triangles");
        var clustering = table.Add("clustering");
        var lpaSize = table.Add("lpa_community_size");

        var components = WeaklyConnectedComponents.Compute(projection, symmetric: true);
        var sizes = WeaklyConnectedComponents.Sizes(components);
        var cores = KCoreDecomposition.Compute(projection);
        var triangleCounts = TriangleCount.Compute(projection);
        var lpa = LabelPropagation.Compute(projection);
        var lpaSizes = new int[lpa.CommunityCount];
        foreach (var c in lpa.Membership)
        {
            lpaSizes[c]++;
        }
        for (var a = 0; a < projection.NodeCount; a++)
        {
            componentSize[a] = sizes[components[a]];
            coreNumber[a] = cores[a];
            triangles[a] = triangleCounts.PerNode[a];
            clustering[a] = (float)triangleCounts.LocalClustering[a];
            lpaSize[a] = lpaSizes[lpa.Membership[a]];
        }
    }
}
