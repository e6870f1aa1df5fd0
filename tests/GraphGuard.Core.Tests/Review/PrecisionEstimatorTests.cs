using GraphGuard.Core.Review;

namespace GraphGuard.Core.Tests.Review;

public sealed class PrecisionEstimatorTests
{
    // Reference values from the closed form evaluated independently in Python (float64); 8 of 10 is the textbook 0.490-0.943.
    [TestCase(8, 10, 0.490162, 0.943318)]
    [TestCase(0, 10, 0.0, 0.277533)]
    [TestCase(10, 10, 0.722467, 1.0)]
    [TestCase(27, 40, 0.520177, 0.799155)]
    public void Wilson_matches_the_reference(int successes, int n, double lower, double upper)
    {
        var (l, u) = WilsonInterval.Of(successes, n);
        Assert.That((l, u), Is.EqualTo((lower, upper)).Using<(double, double)>((a, b) => Math.Abs(a.Item1 - b.Item1) < 1e-5 && Math.Abs(a.Item2 - b.Item2) < 1e-5));
    }

    [Test]
    public void Wilsons_95_percent_interval_covers_the_true_proportion_about_95_times_in_100()
    {
        var random = new Random(3);
        const double truth = 0.3;
        var covered = 0;
        for (var trial = 0; trial < 4_000; trial++)
        {
            var successes = Enumerable.Range(0, 40).Count(_ => random.NextDouble() < truth);
            var (lower, upper) = WilsonInterval.Of(successes, 40);
            covered += lower <= truth && truth <= upper ? 1 : 0;
        }
        Assert.That(covered / 4_000.0, Is.InRange(0.93, 0.97));
    }

    [Test]
    public void Each_band_counts_only_its_own_decisions()
    {
        ReviewBand[] bands = [new("low", 0), new("high", 0.5)];
        ReviewOutcome[] outcomes = [new("high", 0.7, 0.1, true), new("high", 0.8, 0.1, true), new("high", 0.6, 0.1, false), new("low", 0.1, 0.01, false)];
        var precision = PrecisionEstimator.PerBand(bands, new Dictionary<string, long> { ["low"] = 900, ["high"] = 30 }, outcomes);
        Assert.Multiple(() =>
        {
            Assert.That(precision.Select(p => (p.Band, p.Accounts, p.Decided, p.Abusive)), Is.EqualTo(new[] { ("low", 900L, 1, 0), ("high", 30L, 3, 2) }));
            Assert.That(precision[1].Precision, Is.EqualTo(2.0 / 3).Within(1e-12));
            Assert.That(precision[1].Lower, Is.LessThan(2.0 / 3));
            Assert.That(precision[1].Upper, Is.GreaterThan(2.0 / 3));
        });
    }

    [Test]
    public void The_what_if_weights_each_decision_by_how_many_accounts_it_stands_for()
    {
        // Above 0.5: a band of 100 accounts sampled 1 in 10 (all abusive) and a band of 900 sampled 1 in 90 (all benign):
        // the expected precision of actioning all 1,000 is 100/1000, not the 10/20 of the raw decisions.
        var outcomes = Enumerable.Repeat(new ReviewOutcome("critical", 0.95, 0.1, true), 10)
            .Concat(Enumerable.Repeat(new ReviewOutcome("high", 0.6, 0.1 / 9, false), 10)).ToList();
        var whatIf = PrecisionEstimator.WhatIf(0.5, 1_000, outcomes);
        var onlyCritical = PrecisionEstimator.WhatIf(0.9, 100, outcomes);
        Assert.Multiple(() =>
        {
            Assert.That(whatIf.Precision, Is.EqualTo(0.1).Within(1e-12));
            Assert.That((whatIf.Actioned, whatIf.Decided), Is.EqualTo((1_000L, 20)));
            Assert.That(whatIf.Lower, Is.LessThan(0.1));
            Assert.That(onlyCritical.Precision, Is.EqualTo(1.0));
            Assert.That(PrecisionEstimator.WhatIf(0.99, 0, outcomes).Precision, Is.Null);
        });
    }
}
