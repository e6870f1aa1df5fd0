using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Detection.Surprise;

/// <summary>Settings for <see cref="CoActivityDetector"/>.</summary>
public sealed record CoActivityOptions
{
    /// <summary>Actions that count as acting on a target (links count on the URL).</summary>
    public IReadOnlyList<string> Actions { get; init; } =
        [WellKnownActions.Follow, WellKnownActions.Like, WellKnownActions.Comment, WellKnownActions.Share, WellKnownActions.Report, "link"];

    /// <summary>
    /// Time scales, seconds: two acts on one target within this of each other are co-activity. Minutes
    /// catch orders and brigades, hours slow deliveries, days swarms and drip-fed farms.
    /// </summary>
    public IReadOnlyList<int> Scales { get; init; } = [10 * 60, 3 * 3600, 36 * 3600];

    /// <summary>
    /// Per scale, acts within one window of an act above which its pairs are not enumerated: so large a
    /// crowd makes co-activity expected under the null (it would add little surprise) and costs quadratic time.
    /// </summary>
    public IReadOnlyList<int> MaxCrowd { get; init; } = [400, 200, 120];

    /// <summary>
    /// An act on a post of an account both members followed at least this long before does not count:
    /// fans liking their creator's posts is what following means.
    /// </summary>
    public int PriorFollowSeconds { get; init; } = 7 * 86_400;

    /// <summary>
    /// Chance ties per account the bar allows under the null: a pair is tied when its surprise beats
    /// ln((accounts − 1) / 2 × scales / this), so chance ties form a random graph of mean degree this far
    /// below 1 (subcritical): its components stay pairs, and a connected group of
    /// <see cref="MinAccounts"/> is not chance. The bar rises with the world's size.
    /// </summary>
    public double FalseTieRate { get; init; } = 0.01;

    /// <summary>Fewest co-acted targets for a tie, whatever the surprise: one shared moment is a crowd.</summary>
    public int MinSharedTargets { get; init; } = 3;

    /// <summary>
    /// Least mean number of ties per member: chance ties form trees (mean below 2), a group acting together
    /// ties most of its pairs.
    /// </summary>
    public double MinMeanTies { get; init; } = 3;

    /// <summary>Fewest accounts in a cluster.</summary>
    public int MinAccounts { get; init; } = 5;

    /// <summary>Louvain communities leaking at least this share of their tie weight merge into their neighbour.</summary>
    public double MaxCutShare { get; init; } = 0.3;
}
