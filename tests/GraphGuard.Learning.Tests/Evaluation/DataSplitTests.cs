using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Learning.Tests.Evaluation;

public sealed class DataSplitTests
{
    private static readonly bool[] Labels = [.. Enumerable.Range(0, 150).Select(i => i % 3 == 0)];

    [Test]
    public void Each_class_is_cut_40_20_40_into_disjoint_sorted_parts()
    {
        var split = DataSplit.Stratified(Labels, seed: 1);

        Assert.That(split.Train.Count(i => Labels[i]), Is.EqualTo(20));
        Assert.That(split.Train.Count(i => !Labels[i]), Is.EqualTo(40));
        Assert.That(split.Validation.Count(i => Labels[i]), Is.EqualTo(10));
        Assert.That(split.Validation.Count(i => !Labels[i]), Is.EqualTo(20));
        Assert.That(split.Test.Count(i => Labels[i]), Is.EqualTo(20));
        Assert.That(split.Test.Count(i => !Labels[i]), Is.EqualTo(40));
        Assert.That(split.Train.Concat(split.Validation).Concat(split.Test).Order(), Is.EqualTo(Enumerable.Range(0, 150)));
        Assert.That(split.Train, Is.Ordered);
        Assert.That(split.Validation, Is.Ordered);
        Assert.That(split.Test, Is.Ordered);
    }

    [Test]
    public void A_seed_gives_the_same_split_and_another_seed_another()
    {
        var first = DataSplit.Stratified(Labels, seed: 3);
        var again = DataSplit.Stratified(Labels, seed: 3);
        var other = DataSplit.Stratified(Labels, seed: 4);

        Assert.That(again.Train, Is.EqualTo(first.Train));
        Assert.That(again.Test, Is.EqualTo(first.Test));
        Assert.That(other.Train, Is.Not.EqualTo(first.Train));
    }

    [Test]
    public void Impossible_fractions_are_refused() =>
        Assert.Throws<ArgumentException>(() => DataSplit.Stratified(Labels, 1, trainFraction: 0.8, validationFraction: 0.3));
}
