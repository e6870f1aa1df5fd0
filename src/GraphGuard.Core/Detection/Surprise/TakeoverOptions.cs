namespace GraphGuard.Core.Detection.Surprise;

/// <summary>Settings for <see cref="TakeoverDetector"/>. Time scales and error rates, not counts fitted to a world.</summary>
public sealed record TakeoverOptions
{
    /// <summary>
    /// How long an account must have lived (since it was registered or first seen) before a first use of a
    /// device, IP or phone counts as a move: a new account's first logins are its beginning, not a change.
    /// </summary>
    public int MinHistorySeconds { get; init; } = 30 * 86_400;

    /// <summary>Moves onto one device or IP this close in time belong to one burst: a bulk takeover is done within hours.</summary>
    public int BurstSeconds { get; init; } = 86_400;

    /// <summary>Devices or IPs used by more accounts than this (carrier NAT, big campuses) are left out, as in <see cref="SharedInfrastructureOptions"/>.</summary>
    public int MaxAccountsPerEntity { get; init; } = 500;

    /// <summary>
    /// Fewest accounts whose behaviour changed at the move: a household that moves house or buys phones together
    /// is a handful, and keeps doing what it did.
    /// </summary>
    public int MinAccounts { get; init; } = 5;

    /// <summary>Chance groups per burst tested the surprise bar allows: ln(bursts / rate).</summary>
    public double FalseGroupRate { get; init; } = 0.01;

    /// <summary>
    /// Chance per account, per kind of action and horizon, that its activity after a move is called changed
    /// although it is not: the bar is ln(kinds × horizons / rate).
    /// </summary>
    public double FalseChangeRate { get; init; } = 0.01;

    /// <summary>How far back an account's own rates are measured before the move.</summary>
    public int LookbackSeconds { get; init; } = 90 * 86_400;

    /// <summary>Horizons after the move over which activity is compared with the account's own earlier rates (a day, a week, a month).</summary>
    public IReadOnlyList<int> HorizonSeconds { get; init; } = [86_400, 7 * 86_400, 30 * 86_400];
}
