using GraphGuard.Core.Detection;
using GraphGuard.Workflows.Evaluation;

namespace GraphGuard.Workflows.Tests.Reports;

/// <summary>The scorecard as <c>eval detect --json</c> writes it: goals decided, no NaN.</summary>
public sealed class ScorecardReportTests
{
    [Test]
    public void A_family_no_cluster_is_dominated_by_has_no_purity_and_misses_its_goal()
    {
        var card = new DetectionScorecard(
            [new PatternScore("lockstep", 3, 300, 0.99, 0.98), new PatternScore("slow_drip", 2, 80, 0.1, double.NaN)],
            Clusters: 4, FlaggedAccounts: 400, BenignFlagged: 2, [new LookalikeScore("campus", 500, 1, 1.0 / 400)]);
        var report = ScorecardReport.Of(card);
        Assert.Multiple(() =>
        {
            Assert.That(report.Patterns.Select(p => p.Purity), Is.EqualTo(new double?[] { 0.98, null }));
            Assert.That(report.Patterns.Select(p => p.GoalMet), Is.EqualTo(new[] { VerificationFitting.Met(card.Patterns[0]), false }));
            Assert.That(report.BenignShare, Is.EqualTo(0.005));
            Assert.That(report.BenignGoalMet, Is.EqualTo(VerificationFitting.BenignMet(card)));
            Assert.That(report.Lookalikes.Single().ShareOfFamily, Is.EqualTo(0.002));
        });
    }
}
