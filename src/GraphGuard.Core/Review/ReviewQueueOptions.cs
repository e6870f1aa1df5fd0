namespace GraphGuard.Core.Review;

/// <summary>How a run fills its review queue (the pipeline definition's <c>review</c>).</summary>
public sealed record ReviewQueueOptions
{
    /// <summary>Reviews a day: the queue holds at most this many items (a cluster item is one review).</summary>
    public int Budget { get; init; } = 100;

    /// <summary>Share of the budget drawn at random within each band, for unbiased precision estimates.</summary>
    public double RandomShare { get; init; } = 0.1;

    /// <summary>Seeds the random slice together with the run id, so a run's draw is repeatable.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Items of the random slice: the budget's share, rounded.</summary>
    public int RandomItems => (int)Math.Round(Budget * RandomShare, MidpointRounding.AwayFromZero);
}
