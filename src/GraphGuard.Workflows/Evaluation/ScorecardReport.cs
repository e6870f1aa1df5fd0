using GraphGuard.Core.Detection;

namespace GraphGuard.Workflows.Evaluation;

/// <summary><c>eval detect --json</c>: a detection scorecard with each goal decided (JSON has no NaN: a family no cluster is dominated by has no purity).</summary>
public sealed record ScorecardReport(
    IReadOnlyList<ScorecardReport.Family> Patterns, int Clusters, int FlaggedAccounts, int BenignFlagged, double BenignShare, bool BenignGoalMet,
    IReadOnlyList<ScorecardReport.Lookalike> Lookalikes)
{
    /// <summary>A planted family: recall, purity (null when undefined), and whether it meets the goal.</summary>
    public sealed record Family(string Pattern, int Campaigns, int Accounts, double Recall, double? Purity, bool GoalMet);

    /// <summary>A legitimate look-alike family and how much of it was flagged.</summary>
    public sealed record Lookalike(string Family, int Accounts, int Flagged, double ShareOfFlagged, double ShareOfFamily);

    public static ScorecardReport Of(DetectionScorecard card) => new(
        [.. card.Patterns.Select(p => new Family(p.Pattern, p.Campaigns, p.Accounts, p.Recall, double.IsNaN(p.Purity) ? null : p.Purity, VerificationFitting.Met(p)))],
        card.Clusters, card.FlaggedAccounts, card.BenignFlagged, Math.Round(card.BenignShare, 5), VerificationFitting.BenignMet(card),
        [.. card.Lookalikes.Select(l => new Lookalike(l.Family, l.Accounts, l.Flagged, Math.Round(l.ShareOfFlagged, 5), Math.Round(l.ShareOfFamily, 5)))]);
}
