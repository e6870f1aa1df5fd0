using GraphGuard.Core.Drift;

namespace GraphGuard.Core.Tests.Drift;

public sealed class DriftTests
{
    private static float[] Normal(int n, double mean, double sd, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
    }

    [TestCase(950, 0.95)]
    [TestCase(450, 0.45)]
    [TestCase(-5, 0.05)]
    [TestCase(5_000, 0.95)]
    public void A_values_rank_is_the_share_of_rows_below_its_decile_plus_half_of_it(double value, double rank)
    {
        var values = Enumerable.Range(0, 1_000).Select(i => (float)i).Append(float.NaN).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(DistributionProfile.Of(values).RankOf(value), Is.EqualTo(rank).Within(1e-9), "missing values are not part of the ranking");
            Assert.That(DistributionProfile.Of(new float[100]).RankOf(value), Is.EqualTo(0.5), "a constant says nothing about where a value stands");
        });
    }

    [Test]
    public void A_profile_cuts_at_the_deciles_and_its_shares_sum_to_one()
    {
        var values = Enumerable.Range(0, 1_000).Select(i => (float)i).Append(float.NaN).ToArray();
        var profile = DistributionProfile.Of(values);
        Assert.Multiple(() =>
        {
            Assert.That(profile.Edges, Is.EqualTo(new double[] { 100, 200, 300, 400, 500, 600, 700, 800, 900 }));
            Assert.That(profile.Proportions.Sum(), Is.EqualTo(1).Within(1e-12));
            Assert.That(profile.Proportions[^1], Is.EqualTo(1.0 / 1001).Within(1e-12), "missing values have a bin of their own");
        });
    }

    [Test]
    public void The_same_population_drawn_again_is_stable()
    {
        var reference = DistributionProfile.Of(Normal(5_000, 0, 1, 1));
        var psi = PopulationStability.Index(reference, Normal(5_000, 0, 1, 2));
        Assert.That(psi, Is.LessThan(PopulationStability.Moderate));
        Assert.That(PopulationStability.Level(psi, reference, 5_000), Is.EqualTo("stable"));
    }

    [Test]
    public void A_shift_of_one_standard_deviation_is_above_a_quarter()
    {
        var reference = DistributionProfile.Of(Normal(5_000, 0, 1, 1));
        var psi = PopulationStability.Index(reference, Normal(5_000, 1, 1, 2));
        // Two normals one sd apart: PSI ≈ 1 (the symmetrised KL divergence, δ²), well past 0.25.
        Assert.That(psi, Is.GreaterThan(PopulationStability.Shift).And.InRange(0.5, 1.3));
        Assert.That(PopulationStability.Level(psi, reference, 5_000), Is.EqualTo("shift"));
    }

    [Test]
    public void A_constant_feature_that_starts_varying_is_caught()
    {
        var reference = DistributionProfile.Of(new float[2_000]);
        Assert.That(reference.Edges, Is.Empty);
        Assert.That(PopulationStability.Index(reference, new float[2_000]), Is.Zero);
        var current = Enumerable.Range(0, 2_000).Select(i => i % 2 == 0 ? 0f : float.NaN).ToArray();
        Assert.That(PopulationStability.Index(reference, current), Is.GreaterThan(PopulationStability.Shift));
    }

    [TestCase(1_000, 1_000)]
    [TestCase(20_000, 5_000)]
    public void Windows_of_a_thousand_rows_or_more_are_judged_at_the_fixed_thresholds(int referenceRows, int currentRows)
    {
        var thresholds = PopulationStability.Thresholds(DistributionProfile.Of(Normal(referenceRows, 0, 1, 1)), currentRows);
        Assert.That(thresholds, Is.EqualTo(PsiThresholds.Fixed));
    }

    [TestCase(100, 100)]
    [TestCase(300, 150)]
    [TestCase(500, 5_000)]
    public void Bootstrapped_thresholds_follow_the_chi_square_law_of_two_small_samples(int referenceRows, int currentRows)
    {
        // Ten equal bins: the PSI of two samples of one population is about (1/n + 1/m) · χ²(9) (Yurdakul 2018), whose
        // 95th and 99th percentiles are 16.919 and 21.666.
        var shares = Enumerable.Repeat(0.1, 10).Append(0).ToArray();
        var scale = (1.0 / referenceRows) + (1.0 / currentRows);
        var (moderate, shift) = PopulationStability.BootstrapQuantiles(shares, referenceRows, currentRows, seed: 5);
        Assert.Multiple(() =>
        {
            Assert.That(moderate, Is.EqualTo(16.919 * scale).Within(12).Percent);
            Assert.That(shift, Is.EqualTo(21.666 * scale).Within(15).Percent);
        });
    }

    [Test]
    public void Two_small_samples_of_one_population_rarely_differ_beyond_the_bootstrapped_thresholds()
    {
        const int rows = 120;
        const int pairs = 400;
        int overFixed = 0, moderate = 0, shifted = 0;
        var thresholds = PopulationStability.Thresholds(DistributionProfile.Of(Normal(rows, 0, 1, 0)), rows);
        for (var i = 0; i < pairs; i++)
        {
            var reference = DistributionProfile.Of(Normal(rows, 0, 1, (2 * i) + 1));
            var psi = PopulationStability.Index(reference, Normal(rows, 0, 1, (2 * i) + 2));
            overFixed += psi >= PopulationStability.Moderate ? 1 : 0;
            var level = PopulationStability.Level(psi, reference, rows);
            moderate += level == "moderate" ? 1 : 0;
            shifted += level == "shift" ? 1 : 0;
        }
        Assert.Multiple(() =>
        {
            Assert.That(thresholds.Bootstrapped, Is.True);
            Assert.That(thresholds.Moderate, Is.GreaterThan(PopulationStability.Moderate));
            Assert.That(overFixed, Is.GreaterThan(pairs / 2), "at 120 rows most same-population pairs pass the fixed 0.1");
            Assert.That(moderate + shifted, Is.LessThan(pairs / 10), "about 5% pass the bootstrapped moderate threshold");
            Assert.That(shifted, Is.LessThan(pairs / 33), "about 1% the bootstrapped shift threshold");
        });
    }

    [Test]
    public void A_shift_of_one_standard_deviation_in_a_small_window_is_still_a_shift()
    {
        var reference = DistributionProfile.Of(Normal(200, 0, 1, 1));
        var current = Normal(200, 1, 1, 2);
        var thresholds = PopulationStability.Thresholds(reference, current.Length);
        Assert.Multiple(() =>
        {
            Assert.That(thresholds.Bootstrapped, Is.True);
            Assert.That(PopulationStability.Level(PopulationStability.Index(reference, current), reference, current.Length), Is.EqualTo("shift"));
        });
    }

    [Test]
    public void The_same_comparison_gets_the_same_thresholds()
    {
        var reference = DistributionProfile.Of(Normal(300, 0, 1, 1));
        var first = PopulationStability.Thresholds(reference, 250);
        var again = PopulationStability.Thresholds(reference, 250);
        Assert.That(again, Is.EqualTo(first));
    }
}
