namespace GraphGuard.Learning.Sage;

/// <summary>
/// The input graph of GraphSAGE: one node set (0..NodeCount-1, the rows of the feature matrix) and any
/// number of relations over it, each aggregated separately and then combined.
/// </summary>
public sealed class SageGraph
{
    /// <summary>Checks that every relation spans exactly <paramref name="nodeCount"/> nodes and that names are distinct.</summary>
    /// <exception cref="ArgumentException">A relation has another node count, or two share a name.</exception>
    public SageGraph(int nodeCount, IReadOnlyList<SageRelation> relations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(relations);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relation in relations)
        {
            if (relation.Graph.NodeCount != nodeCount)
            {
                throw new ArgumentException($"relation '{relation.Name}' has {relation.Graph.NodeCount} nodes, the graph {nodeCount}", nameof(relations));
            }
            if (!names.Add(relation.Name))
            {
                throw new ArgumentException($"two relations are named '{relation.Name}'", nameof(relations));
            }
        }
        NodeCount = nodeCount;
        Relations = [.. relations];
    }

    /// <summary>Nodes 0..NodeCount-1, shared by every relation.</summary>
    public int NodeCount { get; }

    /// <summary>The edge types, in the order a model's weights refer to them.</summary>
    public IReadOnlyList<SageRelation> Relations { get; }

    /// <summary>Neighbours of <paramref name="node"/> summed over all relations.</summary>
    public long TotalDegree(int node)
    {
        long degree = 0;
        foreach (var relation in Relations)
        {
            degree += relation.Graph.Degree(node);
        }
        return degree;
    }
}
