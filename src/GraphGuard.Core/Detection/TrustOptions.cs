namespace GraphGuard.Core.Detection;

/// <summary>Settings for <see cref="TrustPropagation"/>.</summary>
public sealed record TrustOptions
{
    /// <summary>Accounts at least this old (at the snapshot's end) and active enough are seeds too.</summary>
    public int MinSeedAgeDays { get; init; } = 365;

    /// <summary>The actions an old account needs in the window to count as active.</summary>
    public int MinSeedActions { get; init; } = 20;
}
