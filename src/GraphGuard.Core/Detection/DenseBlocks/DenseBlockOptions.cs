using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Detection.DenseBlocks;

/// <summary>Settings for <see cref="DenseBlockDetector"/>.</summary>
public sealed record DenseBlockOptions
{
    /// <summary>Actions that make an account → target engagement edge (follow: an account target; the others: content).</summary>
    public IReadOnlyList<string> EngagementActions { get; init; } =
        [WellKnownActions.Follow, WellKnownActions.Like, WellKnownActions.Comment, WellKnownActions.Share];

    /// <summary>
    /// c in the column weight 1 / ln(deg + c) (FRAUDAR's choice, 5): a target every fan engages with weighs
    /// little, so camouflage on popular targets adds little to a block and hides nothing.
    /// </summary>
    public double WeightOffset { get; init; } = 5;

    /// <summary>Fewest accounts in a block for it to be a cluster; smaller blocks still count in the features.</summary>
    public int MinAccounts { get; init; } = 8;

    /// <summary>
    /// A block must be at least this many times as dense as the whole graph; the search stops when no such
    /// block is left. Nodes whose weighted degree is below this times the graph's density are pruned before
    /// peeling, which loses no block dense enough to report. Farms in the synthetic worlds reach 2.1 to 11,
    /// crowds of ordinary fans up to 2.1 (<see cref="MinFill"/> tells those apart).
    /// </summary>
    public double MinLift { get; init; } = 2;

    /// <summary>
    /// Accounts (targets) left out of a peeled block whose weight into it reaches this share of the mean
    /// weight of its accounts (targets) join it: the densest subgraph drops every member below its density,
    /// and a farm's least active members sit just below. Half recovers them; ordinary fans of a farm's
    /// customers, or popular posts a few members like as camouflage, fall far short.
    /// </summary>
    public double AbsorbShare { get; init; } = 0.5;

    /// <summary>
    /// Least share of a block's account–target pairs that are engagements. FRAUDAR's density grows with
    /// size, so thousands of ordinary fans of the same popular creators reach a farm's density (lift 1.8
    /// to 2.1 in the synthetic worlds) while each engages a few of the block's targets: the crowds and the
    /// parts split off them fill 0.006 to 0.26 of their pairs, farms 0.33 to 0.86. Such a crowd is taken
    /// out of the graph but not reported.
    /// </summary>
    public double MinFill { get; init; } = 0.3;

    /// <summary>
    /// A block the peel returns is split into Louvain communities, and a community whose edges leaving it
    /// carry at least this share of its weight merges into its strongest neighbour: a farm that shares a
    /// customer with another keeps nearly all its weight inside, while modularity's faint seams inside one
    /// farm, or in a uniform crowd, leave a third or more outside each part.
    /// </summary>
    public double MaxCutShare { get; init; } = 0.2;

    /// <summary>Most blocks to report (features included), densest first within each round.</summary>
    public int MaxBlocks { get; init; } = 1000;

    /// <summary>Pruning: accounts engaging fewer distinct targets than this cannot sit in a block.</summary>
    public int MinAccountTargets { get; init; } = 2;

    /// <summary>Pruning: targets engaged by fewer accounts than this cannot sit in a block.</summary>
    public int MinTargetAccounts { get; init; } = 2;

    /// <summary>
    /// Lift above 1 at which the score reaches one half: the score is (lift − 1) / (lift − 1 + this), so a
    /// block at the minimum lift of 2 scores 0.2 and one 9 times as dense as the graph 0.67.
    /// </summary>
    public double LiftHalfScore { get; init; } = 4;
}
