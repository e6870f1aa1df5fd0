namespace GraphGuard.Core.Detection;

/// <summary>
/// Fits the verification thresholds (<see cref="VerificationOptions"/>) on the candidates of one world by
/// grid search, so that <c>eval detect --leave-families-out</c> can fit them on some families and report
/// them on others. The goal order: benign share within its bars first, then the most abuse families with
/// recall and purity ≥ 0.9, then the best mean of min(recall, purity). Ties keep the earlier grid point, and
/// the grid starts at the defaults, so without a reason to move the defaults stay.
/// </summary>
public static class VerificationFitting
{
    /// <summary>Recall and purity a family needs.</summary>
    public const double FamilyGoal = 0.9;

    /// <summary>Most benign accounts among all flagged.</summary>
    public const double BenignGoal = 0.01;

    /// <summary>Most accounts of one look-alike family among all flagged.</summary>
    public const double LookalikeGoal = 0.005;

    /// <summary>The thresholds tried, the defaults first.</summary>
    public static IReadOnlyList<VerificationOptions> Grid()
    {
        var grid = new List<VerificationOptions> { new() };
        foreach (var penalty in new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0 })
        {
            foreach (var copies in new[] { 2.0, 3, 4, 6, 8 })
            {
                foreach (var minScore in new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 })
                {
                    grid.Add(new VerificationOptions { Penalty = penalty, MinCopiesPerAccount = copies, MinScore = minScore });
                }
            }
        }
        return grid;
    }

    /// <param name="candidates">Every merged group a detection pass found, before verification.</param>
    /// <param name="score">Scores a set of flagged clusters (as candidates' members) against the world's truth.</param>
    /// <returns>The best thresholds and their scorecard on these candidates.</returns>
    public static (VerificationOptions Options, DetectionScorecard Card) Fit(
        IReadOnlyList<CandidateCluster> candidates, Func<IReadOnlyList<int[]>, DetectionScorecard> score)
    {
        (VerificationOptions Options, DetectionScorecard Card, (int, int, double, double) Goal)? best = null;
        foreach (var options in Grid())
        {
            var card = score([.. CoordinationDetection.Verified(candidates, options).Select(v => v.Candidate.Members)]);
            var goal = Goal(card);
            if (best is null || goal.CompareTo(best.Value.Goal) > 0)
            {
                best = (options, card, goal);
            }
        }
        return (best!.Value.Options, best.Value.Card);
    }

    /// <summary>Whether a family met the recall and purity goal.</summary>
    public static bool Met(PatternScore family) => family.Recall >= FamilyGoal && family.Purity >= FamilyGoal;

    /// <summary>Whether benign share overall and per look-alike family are within their bars.</summary>
    public static bool BenignMet(DetectionScorecard card) =>
        card.BenignShare <= BenignGoal && card.Lookalikes.All(l => l.ShareOfFlagged <= LookalikeGoal);

    /// <summary>What fitting maximizes, compared in order.</summary>
    private static (int Benign, int Families, double MeanWorst, double Clean) Goal(DetectionScorecard card) =>
    (
        BenignMet(card) ? 1 : 0,
        card.Patterns.Count(Met),
        card.Patterns.Count == 0 ? 0 : card.Patterns.Average(p => Math.Min(p.Recall, double.IsNaN(p.Purity) ? 0 : p.Purity)),
        -card.BenignShare
    );
}
