namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Settings for <see cref="PageRank"/>; damping and tolerance default to igraph's (PRPACK).</summary>
public sealed record PageRankOptions
{
    /// <summary>Probability of following an edge rather than restarting.</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>Stop when a sweep changes the ranks by less than this in L1 (each component its share, by size).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Sweeps allowed per strongly connected component (at least 1) before giving up on convergence.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// The graph was built with <c>Undirected = true</c>: it is its own transpose, and a self-loop
    /// (stored once) counts twice towards its node's degree, as igraph counts it.
    /// </summary>
    public bool Undirected { get; init; }

    /// <summary>Personalized PageRank: restart uniformly over these nodes (a set; repeats count once).</summary>
    public IReadOnlyList<int>? Seeds { get; init; }

    /// <summary>Personalized PageRank: restart in proportion to this non-negative vector (one entry per node).</summary>
    public IReadOnlyList<double>? Restart { get; init; }
}
