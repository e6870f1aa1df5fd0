using GraphGuard.Learning.Release;
using GraphGuard.Learning.Risk;
using GraphGuard.Learning.Tests.Risk;

namespace GraphGuard.Learning.Tests.Release;

public sealed class ReviewedHoldoutTests
{
    /// <summary>Every account labelled; the first ring's 25 accounts (densely tied to each other) reviewed and held out.</summary>
    private static (RiskInput Input, Dictionary<int, bool> Reviewed) World()
    {
        var input = RiskWorld.Create(400, 3, labeledShare: 1.0);
        var reviewed = Enumerable.Range(0, RiskWorld.RingSize).ToDictionary(a => input.Features.AccountIds[a], a => input.Labels[a]!.Value);
        return (input, reviewed);
    }

    private static RiskInput Flipped(RiskInput input, IReadOnlyDictionary<int, bool> reviewed) =>
        input with { Labels = [.. input.Labels.Select((l, r) => reviewed.ContainsKey(input.Features.AccountIds[r]) ? !l : l)] };

    [Test]
    public void Held_out_labels_change_no_feature_a_model_sees()
    {
        var (input, reviewed) = World();
        var flipped = Flipped(input, reviewed);

        var blind = RiskFeatures.WithNeighborLabels(ReviewedHoldout.Of(input, reviewed).Blind);
        var blindFlipped = RiskFeatures.WithNeighborLabels(ReviewedHoldout.Of(flipped, reviewed).Blind);
        var leaky = RiskFeatures.WithNeighborLabels(input);
        var leakyFlipped = RiskFeatures.WithNeighborLabels(flipped);

        Assert.Multiple(() =>
        {
            Assert.That(leakyFlipped.Values, Is.Not.EqualTo(leaky.Values), "without the holdout the reviewed labels reach their neighbours' counts");
            Assert.That(blindFlipped.Values, Is.EqualTo(blind.Values), "with it, whatever the analysts decided, the features are the same");
        });
    }

    [Test]
    public void A_held_out_ring_member_counts_none_of_its_held_out_neighbours()
    {
        var (input, reviewed) = World();
        var holdout = ReviewedHoldout.Of(input, reviewed);
        var leaky = RiskFeatures.WithNeighborLabels(input);
        var blind = RiskFeatures.WithNeighborLabels(holdout.Blind);
        var column = leaky.Column(NeighborLabelFeatures.AbusivePrefix + RiskRelations.Infrastructure);
        var leakyCounts = holdout.Rows.Sum(r => leaky.Values[(r * leaky.ColumnCount) + column]);
        var blindCounts = holdout.Rows.Sum(r => blind.Values[(r * blind.ColumnCount) + column]);

        Assert.Multiple(() =>
        {
            Assert.That(holdout.Rows, Is.EqualTo(Enumerable.Range(0, RiskWorld.RingSize)));
            Assert.That(holdout.Abusive, Has.All.True);
            Assert.That(holdout.Blind.Labels.Take(RiskWorld.RingSize), Has.All.Null, "no held-out account is a training label");
            Assert.That(holdout.Blind.Labels.Skip(RiskWorld.RingSize), Is.EqualTo(input.Labels.Skip(RiskWorld.RingSize)), "every other label stays");
            Assert.That(leakyCounts, Is.GreaterThan(blindCounts + 50), "the ring's own reviewed labels made its members look abusive to each other");
        });
    }
}
