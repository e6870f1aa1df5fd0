namespace GraphGuard.Core.Detection;

/// <summary>Per-pattern recall and purity, and how many benign accounts (and look-alikes per family) were flagged.</summary>
/// <param name="Patterns">One row per planted pattern or abuse family, in name order.</param>
/// <param name="Clusters">Flagged clusters.</param>
/// <param name="FlaggedAccounts">Accounts in any flagged cluster.</param>
/// <param name="BenignFlagged">Flagged accounts not in the truth.</param>
/// <param name="Lookalikes">One row per look-alike family the world holds, in name order.</param>
public sealed record DetectionScorecard(IReadOnlyList<PatternScore> Patterns, int Clusters, int FlaggedAccounts, int BenignFlagged, IReadOnlyList<LookalikeScore> Lookalikes)
{
    /// <summary>Share of flagged accounts that are benign.</summary>
    public double BenignShare => FlaggedAccounts == 0 ? 0 : (double)BenignFlagged / FlaggedAccounts;
}
