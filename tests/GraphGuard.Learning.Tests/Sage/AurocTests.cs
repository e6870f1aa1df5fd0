using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests.Sage;

public sealed class AurocTests
{
    [TestCase(new[] { 0.1f, 0.4f, 0.35f, 0.8f }, new[] { false, false, true, true }, 0.75)]
    [TestCase(new[] { 1f, 2f, 3f }, new[] { false, true, true }, 1.0)]
    [TestCase(new[] { 3f, 2f, 1f }, new[] { false, true, true }, 0.0)]
    [TestCase(new[] { 1f, 1f, 1f, 1f }, new[] { false, true, false, true }, 0.5)]
    public void Auroc_counts_correctly_ordered_pairs_with_ties_as_half(float[] scores, bool[] labels, double expected) =>
        Assert.That(Auroc.Compute(scores, labels), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void Auroc_is_undefined_with_one_class() =>
        Assert.That(Auroc.Compute([1f, 2f], [true, true]), Is.NaN);
}
