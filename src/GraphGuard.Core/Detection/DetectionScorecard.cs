namespace GraphGuard.Core.Detection;

/// <summary>Per-pattern recall and purity, and how many benign accounts (and look-alikes by kind) were flagged.</summary>
public sealed record DetectionScorecard(IReadOnlyList<PatternScore> Patterns, int Clusters, int FlaggedAccounts, int BenignFlagged, IReadOnlyDictionary<string, int> LookalikesFlagged)
{
    /// <summary>Share of flagged accounts that are benign.</summary>
    public double BenignShare => FlaggedAccounts == 0 ? 0 : (double)BenignFlagged / FlaggedAccounts;
}
