namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Communities found by <see cref="Louvain.Run"/>.</summary>
public sealed class CommunityResult
{
    internal CommunityResult(int[] membership, int communityCount, double modularity, IReadOnlyList<CommunityLevel> levels)
    {
        Membership = membership;
        CommunityCount = communityCount;
        Modularity = modularity;
        Levels = levels;
    }

    /// <summary>Community of each node, dense in 0..CommunityCount-1, numbered by each community's smallest node.</summary>
    public int[] Membership { get; }

    public int CommunityCount { get; }

    /// <summary>Modularity of <see cref="Membership"/> at the requested resolution (NaN for a graph without edges, as igraph).</summary>
    public double Modularity { get; }

    /// <summary>Every level of every iteration, in order.</summary>
    public IReadOnlyList<CommunityLevel> Levels { get; }
}
