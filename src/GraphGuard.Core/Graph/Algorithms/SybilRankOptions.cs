namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Settings for <see cref="SybilRank"/>.</summary>
public sealed record SybilRankOptions
{
    /// <summary>Trusted (verified honest) nodes; trust starts split evenly among them. Repeats count once.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Propagation rounds; null means ceil(log2 n), the paper's early termination.</summary>
    public int? Iterations { get; init; }

    /// <summary>Trust handed out at the start; null means the node count, so an average node ends near 1 per unit degree.</summary>
    public double? TotalTrust { get; init; }
}
