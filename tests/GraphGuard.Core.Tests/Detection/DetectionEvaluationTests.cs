using GraphGuard.Core.Detection;

namespace GraphGuard.Core.Tests.Detection;

public sealed class DetectionEvaluationTests
{
    [Test]
    public void Recall_purity_and_benign_share_follow_their_definitions()
    {
        var truth = new Dictionary<string, (string, string)>
        {
            ["f1"] = ("farm-1", "bot_farm"),
            ["f2"] = ("farm-1", "bot_farm"),
            ["f3"] = ("farm-1", "bot_farm"),
            ["f4"] = ("farm-1", "bot_farm"),
            ["s1"] = ("spam-1", "spam_ring"),
            ["s2"] = ("spam-1", "spam_ring"),
        };
        var lookalikes = new Dictionary<string, string> { ["b1"] = "family", ["b4"] = "family", ["c1"] = "campus" };
        IReadOnlyList<IReadOnlyList<string>> clusters =
        [
            ["f1", "f2", "f3", "b1"],   // farm-1 dominates: 3 of 4
            ["s1", "b2", "b3"],         // no majority: counts for nobody
        ];

        var card = DetectionEvaluation.Score(clusters, truth, lookalikes);

        var farm = card.Patterns.Single(p => p.Pattern == "bot_farm");
        var spam = card.Patterns.Single(p => p.Pattern == "spam_ring");
        Assert.Multiple(() =>
        {
            Assert.That(farm.Recall, Is.EqualTo(0.75));
            Assert.That(farm.Purity, Is.EqualTo(0.75));
            Assert.That(spam.Recall, Is.Zero);
            Assert.That(spam.Purity, Is.NaN);
            Assert.That(card.FlaggedAccounts, Is.EqualTo(7));
            Assert.That(card.BenignFlagged, Is.EqualTo(3));
            Assert.That(card.Lookalikes.Select(l => (l.Family, l.Accounts, l.Flagged)), Is.EqualTo(new[] { ("campus", 1, 0), ("family", 2, 1) }));
            Assert.That(card.Lookalikes[1].ShareOfFlagged, Is.EqualTo(1.0 / 7));
            Assert.That(card.Lookalikes[1].ShareOfFamily, Is.EqualTo(0.5));
        });
    }
}
