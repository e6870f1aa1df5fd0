namespace GraphGuard.Core.Synthetic;

/// <summary>What <see cref="WorldGenerator"/> builds. The same options always give byte-identical files.</summary>
public sealed record WorldOptions
{
    /// <summary>Smallest world that still holds several campaigns of every pattern.</summary>
    public const int MinAccounts = 1_000;

    /// <summary>Account ids carry 40 bits; far more than any machine here can generate.</summary>
    public const int MaxAccounts = 200_000_000;

    /// <summary>Number of accounts, abusive ones included.</summary>
    public int Accounts { get; init; } = 100_000;

    /// <summary>Seed of every random choice.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Fraction of abusive accounts that enforcement history labels <c>abusive</c>.</summary>
    public double AbusiveLabelRate { get; init; } = 0.30;

    /// <summary>Fraction of legitimate accounts labeled <c>benign</c> (reviewed and cleared).</summary>
    public double BenignLabelRate { get; init; } = 0.02;

    /// <summary>Malformed rows to inject across the ingestible files, for quarantine demos.</summary>
    public int BadRows { get; init; }

    /// <summary>
    /// Families of the scenario library to plant instead of the classic five patterns (names from
    /// <see cref="Scenarios.ScenarioLibrary.Names"/>); empty plants the classic patterns.
    /// </summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>How hard the scenario families try to hide.</summary>
    public Scenarios.ScenarioDifficulty Difficulty { get; init; }

    /// <summary>
    /// A population shift: the sign-up flow changed, and every profile's bio length and display-name digits are this many
    /// times what they would be (1: no shift). Applied after the random draws, so a shifted world differs from the same
    /// seed's unshifted one in those two fields only.
    /// </summary>
    public double ProfileShift { get; init; } = 1;

    /// <summary>A label delay: every label's time is this much later than when the account was judged (0: none).</summary>
    public TimeSpan LabelDelay { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Accounts is < MinAccounts or > MaxAccounts)
        {
            throw new ArgumentException(
                $"Accounts must be between {MinAccounts:N0} and {MaxAccounts:N0}, got {Accounts:N0}.", nameof(Accounts));
        }

        foreach (var name in Scenarios)
        {
            if (!Synthetic.Scenarios.ScenarioLibrary.Names.Contains(name))
            {
                throw new ArgumentException($"Scenarios: unknown family '{name}'.", nameof(Scenarios));
            }
        }

        CheckRate(AbusiveLabelRate, nameof(AbusiveLabelRate));
        CheckRate(BenignLabelRate, nameof(BenignLabelRate));
        if (ProfileShift is < 0.1 or > 10 || double.IsNaN(ProfileShift))
        {
            throw new ArgumentException($"ProfileShift must be between 0.1 and 10, got {ProfileShift}.", nameof(ProfileShift));
        }
        if (LabelDelay < TimeSpan.Zero || LabelDelay > TimeSpan.FromDays(365))
        {
            throw new ArgumentException($"LabelDelay must be between 0 and 365 days, got {LabelDelay}.", nameof(LabelDelay));
        }
        if (BadRows < 0 || BadRows > Accounts)
        {
            throw new ArgumentException(
                $"BadRows must be between 0 and the number of accounts ({Accounts:N0}), got {BadRows:N0}.", nameof(BadRows));
        }
    }

    private static void CheckRate(double rate, string name)
    {
        if (!(rate >= 0 && rate <= 1))
        {
            throw new ArgumentException($"{name} must be a fraction between 0 and 1, got {rate}.", name);
        }
    }
}
