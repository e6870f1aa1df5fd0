using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Detection;

/// <summary>Settings for <see cref="LockstepDetector"/>.</summary>
public sealed record LockstepOptions
{
    /// <summary>The engagements compared: acting on an account (follow) or on content.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [WellKnownActions.Follow, WellKnownActions.Like, WellKnownActions.Comment, WellKnownActions.Share];

    /// <summary>Two actions on one target are in step when they are at most this far apart.</summary>
    public int WindowSeconds { get; init; } = 30 * 60;

    /// <summary>
    /// A target whose window holds more accounts than this is a crowd (fans piling onto a viral post):
    /// its pairs would grow quadratically and tell nothing, so it ties nobody.
    /// </summary>
    public int MaxAccountsPerWindow { get; init; } = 300;

    /// <summary>
    /// A shared target counts fully while at most this many actions fall in its window, and for
    /// <c>CrowdSize / actions</c> beyond: being in step within a crowd means less the bigger the crowd.
    /// </summary>
    public int CrowdSize { get; init; } = 50;

    /// <summary>
    /// Two accounts are tied when their shared targets add up to at least this: fans share a few crowded
    /// viral posts, farms and brigades share target after target.
    /// </summary>
    public double MinSharedTargets { get; init; } = 3;

    /// <summary>
    /// ...and their shared targets are at least this share of the targets of the less active of the two:
    /// a farm account's engagements are mostly its orders, a fan's mostly its own tastes.
    /// </summary>
    public double MinSharedShare { get; init; } = 0.2;

    /// <summary>An account outside a cluster that joined at least this many of its windows is added to it as periphery.</summary>
    public int MinJoinedWindows { get; init; } = 2;

    /// <summary>The smallest cluster.</summary>
    public int MinAccounts { get; init; } = 5;
}
