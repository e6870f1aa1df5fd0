namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Settings for <see cref="Louvain.Run"/>.</summary>
public sealed record LouvainOptions
{
    /// <summary>Resolution γ of modularity: above 1 favours smaller communities, below 1 larger ones.</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Seeds the node visiting order; the same seed on the same graph gives the same communities.</summary>
    public int Seed { get; init; }

    /// <summary>Most aggregation levels in one iteration.</summary>
    public int MaxLevels { get; init; } = 64;

    /// <summary>
    /// Most full iterations; each after the first starts from the previous result and stops early
    /// when it no longer improves modularity by more than <see cref="Tolerance"/>. Two, as leidenalg's
    /// default: the second iteration typically adds a few percent of modularity for about the same time again.
    /// </summary>
    public int MaxIterations { get; init; } = 2;

    /// <summary>Smallest modularity gain worth a node move; smaller gains count as no change.</summary>
    public double Tolerance { get; init; } = 1e-12;
}
