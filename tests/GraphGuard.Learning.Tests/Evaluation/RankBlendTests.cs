using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Learning.Tests.Evaluation;

public sealed class RankBlendTests
{
    private static readonly bool[] Labels = [false, false, true, false, true, false];

    [Test]
    public void Ranks_are_scaled_to_zero_one_and_ties_share_their_mean_rank() =>
        Assert.That(RankBlend.Ranks([0.5f, 0.1f, 0.5f, 0.9f]), Is.EqualTo(new[] { 0.5f, 0f, 0.5f, 1f }).Within(1e-6f));

    [Test]
    public void A_second_model_that_only_hurts_on_validation_gets_weight_zero()
    {
        var perfect = new SplitScores([0.1f, 0.2f, 0.9f, 0.3f, 0.8f, 0.0f], [0.3f, 0.7f]);
        var inverted = new SplitScores([0.9f, 0.8f, 0.1f, 0.7f, 0.2f, 1.0f], [0.6f, 0.2f]);
        var (blend, weight) = RankBlend.Choose(perfect, inverted, Labels);
        Assert.That(weight, Is.Zero);
        Assert.That(blend.Test, Is.EqualTo(RankBlend.Ranks(perfect.Test)));
    }

    [Test]
    public void The_weight_is_chosen_on_validation_and_applied_to_the_test_ranks()
    {
        var useless = new SplitScores([0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f], [0.5f, 0.5f]);
        var perfect = new SplitScores([0.1f, 0.2f, 0.9f, 0.3f, 0.8f, 0.0f], [0.7f, 0.3f]);
        var (blend, weight) = RankBlend.Choose(useless, perfect, Labels);
        // Any positive weight ranks validation perfectly; ties keep the smallest.
        Assert.That(weight, Is.EqualTo(RankBlend.Weights.First(w => w > 0)));
        Assert.That(blend.Test[0], Is.GreaterThan(blend.Test[1]), "the test rows follow the second model's order");
    }
}
