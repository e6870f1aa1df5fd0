namespace GraphGuard.Core.Detection.Surprise;

/// <summary>Settings for <see cref="ReciprocalBlockDetector"/>.</summary>
public sealed record ReciprocalBlockOptions
{
    /// <summary>Mutual relations each member keeps inside the block (the k of its k-core).</summary>
    public int MinMutual { get; init; } = 3;

    /// <summary>
    /// Fewest accounts in a block: a household or a group of friends follow each other and like each other's
    /// posts too, but they are a handful; a ring that inflates counts needs many.
    /// </summary>
    public int MinAccounts { get; init; } = 8;

    /// <summary>Chance blocks per account the surprise bar allows (see <see cref="CoActivityOptions.FalseTieRate"/>).</summary>
    public double FalseBlockRate { get; init; } = 0.01;
}
