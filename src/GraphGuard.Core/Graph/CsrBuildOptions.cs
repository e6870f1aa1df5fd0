namespace GraphGuard.Core.Graph;

/// <summary>How <see cref="CsrGraph.Build"/> turns an edge list into a graph.</summary>
public sealed record CsrBuildOptions
{
    /// <summary>Store every edge in both directions (an undirected graph).</summary>
    public bool Undirected { get; init; }

    /// <summary>Drop edges from a node to itself.</summary>
    public bool DropSelfLoops { get; init; }

    /// <summary>Merge repeated (source, target) pairs into one edge whose weight is their sum.</summary>
    public bool MergeDuplicates { get; init; }

    /// <summary>Keep weights; when false the graph is unweighted.</summary>
    public bool Weighted { get; init; }
}
