using GraphGuard.Core.Drift;

namespace GraphGuard.Core.Tests.Drift;

public sealed class DriftTests
{
    private static float[] Normal(int n, double mean, double sd, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
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
        Assert.That(PopulationStability.Level(psi, 5_000), Is.EqualTo("stable"));
    }

    [Test]
    public void A_shift_of_one_standard_deviation_is_above_a_quarter()
    {
        var reference = DistributionProfile.Of(Normal(5_000, 0, 1, 1));
        var psi = PopulationStability.Index(reference, Normal(5_000, 1, 1, 2));
        // Two normals one sd apart: PSI ≈ 1 (the symmetrised KL divergence, δ²), well past 0.25.
        Assert.That(psi, Is.GreaterThan(PopulationStability.Shift).And.InRange(0.5, 1.3));
        Assert.That(PopulationStability.Level(psi, 5_000), Is.EqualTo("shift"));
        Assert.That(PopulationStability.Level(psi, 999), Is.EqualTo("unknown"), "a reference under 1,000 rows is not judged");
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
}
