namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Settings for <see cref="LabelPropagation"/>.</summary>
public sealed record LabelPropagationOptions
{
    /// <summary>Seeds the visiting order and tie breaks: the same seed gives the same communities.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Sweeps over all nodes before giving up on convergence.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Weigh neighbours' labels by edge weight (when the graph is weighted).</summary>
    public bool UseWeights { get; init; } = true;
}
