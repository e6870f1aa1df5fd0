namespace GraphGuard.Core.Detection;

/// <summary>
/// The decision a detection pass makes on each merged cluster: what an uncorroborated witness costs, when
/// copied text counts as a habit, and the score a cluster needs to be flagged. These are the only
/// thresholds <c>eval detect --leave-families-out</c> fits; the detectors' own bars are set from their null
/// models, not fitted.
/// </summary>
public sealed record VerificationOptions
{
    /// <summary>A single witness that is not self-tested keeps this share of its score.</summary>
    public double Penalty { get; init; } = 0.5;

    /// <summary>Near-identical texts per member at which copying is a habit, not one shared moment.</summary>
    public double MinCopiesPerAccount { get; init; } = 4;

    /// <summary>Merged clusters scoring below this are dropped: what is kept is what is flagged.</summary>
    public double MinScore { get; init; } = 0.5;
}
