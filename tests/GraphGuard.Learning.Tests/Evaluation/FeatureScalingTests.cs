using GraphGuard.Core.Features;
using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Learning.Tests.Evaluation;

public sealed class FeatureScalingTests
{
    [Test]
    public void Standardize_gives_each_column_mean_zero_and_unit_deviation_and_a_constant_column_zeros()
    {
        var features = new FeatureMatrix(["a", "b"], [0, 1, 2], [1, 5, 2, 5, 3, 5]);
        var scaled = FeatureScaling.Standardize(features);
        var z = (float)Math.Sqrt(1.5);
        Assert.That(scaled, Is.EqualTo(new[] { -z, 0f, 0f, 0f, z, 0f }).Within(1e-6f));
    }
}
