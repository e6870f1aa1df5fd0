using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Features;

/// <summary>
/// Where an account sits in the shared-context graph: the size of its connected component, its core
/// number, triangles and clustering among the accounts it shares context with, and the size of its
/// label-propagation community, and the size and edge density of its modularity (Louvain/Leiden)
/// community. Coordinated groups sit in dense, tightly knit blocks.
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
        var communitySize = table.Add("community_size");
        var communityDensity = table.Add("community_density");

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
        var communities = Louvain.Run(projection);
        var (members, density) = CommunityShape(projection, communities.Membership, communities.CommunityCount);
        for (var a = 0; a < projection.NodeCount; a++)
        {
            communitySize[a] = members[communities.Membership[a]];
            communityDensity[a] = density[communities.Membership[a]];
            componentSize[a] = sizes[components[a]];
            coreNumber[a] = cores[a];
            triangles[a] = triangleCounts.PerNode[a];
            clustering[a] = (float)triangleCounts.LocalClustering[a];
            lpaSize[a] = lpaSizes[lpa.Membership[a]];
        }
    }

    /// <summary>Members and edge density (internal edges over possible pairs) of each community.</summary>
    private static (int[] Members, float[] Density) CommunityShape(CsrGraph graph, int[] membership, int count)
    {
        var members = new int[count];
        var internalEnds = new long[count];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var c = membership[v];
            members[c]++;
            foreach (var u in graph.Neighbors(v))
            {
                internalEnds[c] += membership[u] == c && u != v ? 1 : 0;
            }
        }
        var density = new float[count];
        for (var c = 0; c < count; c++)
        {
            var pairs = (double)members[c] * (members[c] - 1) / 2;
            density[c] = pairs == 0 ? 0 : (float)(internalEnds[c] / 2 / pairs);
        }
        return (members, density);
    }
}
