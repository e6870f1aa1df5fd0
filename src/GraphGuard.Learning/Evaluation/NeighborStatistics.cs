namespace GraphGuard.Learning.Evaluation;

/// <summary>Which statistics of a node's neighbours <see cref="NeighborAggregation"/> computes, per relation.</summary>
[Flags]
public enum NeighborStatistics
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Mean of the neighbours' features.</summary>
    Mean = 1,

    /// <summary>Element-wise maximum of the neighbours' features.</summary>
    Max = 2,

    /// <summary>The number of neighbours, one column.</summary>
    Degree = 4,

    /// <summary>Element-wise minimum of the neighbours' features.</summary>
    Min = 8,

    /// <summary>Population standard deviation of the neighbours' features.</summary>
    StandardDeviation = 16,

    /// <summary>Mean over the neighbours of their own neighbour means (two hops, the node itself included).</summary>
    TwoHopMean = 32,

    /// <summary>The node's own features minus its neighbours' mean: how it differs from its neighbourhood.</summary>
    DifferenceFromMean = 64,

    /// <summary>What the reference XGBGraph row uses (mean, max, degree).</summary>
    Reference = Mean | Max | Degree,
}
