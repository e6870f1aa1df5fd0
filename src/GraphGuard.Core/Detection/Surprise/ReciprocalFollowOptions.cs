namespace GraphGuard.Core.Detection.Surprise;

/// <summary>Settings for <see cref="ReciprocalFollowDetector"/>.</summary>
public sealed record ReciprocalFollowOptions
{
    /// <summary>Mutual follows each member keeps inside the block (the k of its k-core).</summary>
    public int MinMutual { get; init; } = 3;

    /// <summary>
    /// Fewest accounts in a block: a household or a group of friends follow each other too, but they are a
    /// handful; a ring that inflates follower counts needs many.
    /// </summary>
    public int MinAccounts { get; init; } = 8;

    /// <summary>Chance blocks per account the surprise bar allows (see <see cref="CoActivityOptions.FalseTieRate"/>).</summary>
    public double FalseBlockRate { get; init; } = 0.01;
}
