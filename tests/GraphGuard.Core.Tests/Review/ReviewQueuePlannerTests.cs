using GraphGuard.Core.Review;

namespace GraphGuard.Core.Tests.Review;

public sealed class ReviewQueuePlannerTests
{
    private static readonly ReviewBand[] Bands = [new("low", 0), new("medium", 0.2), new("high", 0.5), new("critical", 0.9)];

    /// <summary>10,000 accounts, most scores low; every 50th account in one of 40 clusters; every 97th decided already.</summary>
    private static List<ReviewCandidate> Population()
    {
        var random = new Random(5);
        return [.. Enumerable.Range(1, 10_000).Select(id =>
        {
            var score = Math.Pow(random.NextDouble(), 3);
            var band = Bands.Last(b => score >= b.Minimum).Name;
            long? cluster = id % 50 == 0 ? id % 40 : null;
            return new ReviewCandidate(id, score, band, cluster, cluster is null ? 0 : 5, id % 97 == 0);
        })];
    }

    [Test]
    public void The_queue_fills_the_budget_with_the_random_slice_and_the_most_uncertain_accounts()
    {
        var options = new ReviewQueueOptions { Budget = 200, RandomShare = 0.08 };
        var items = ReviewQueuePlanner.Plan(Population(), Bands, options, runId: 7);
        var uncertain = items.Where(i => i.Kind == ReviewItemKind.Uncertain).ToList();
        var random = items.Where(i => i.Kind == ReviewItemKind.Random).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items, Has.Count.EqualTo(200));
            Assert.That(items.Select(i => i.Position), Is.EqualTo(Enumerable.Range(1, 200)));
            Assert.That(random, Has.Count.EqualTo(16));
            Assert.That(random.GroupBy(i => i.Stratum).Select(g => g.Count()), Is.All.EqualTo(4), "equal allocation over the four bands");
            Assert.That(items.Select(i => i.AccountId), Is.Unique);
            Assert.That(uncertain.Where(i => i.ClusterId is not null).Select(i => i.ClusterId), Is.Unique, "one representative per cluster");
            Assert.That(uncertain.Select(i => i.AccountId), Has.None.Matches<int>(id => id % 97 == 0), "decided accounts are not asked again");
            Assert.That(uncertain.Select(i => i.Inclusion), Is.All.EqualTo(1.0));
            Assert.That(items.Select(i => i.Why), Has.All.Not.Empty);
        });
        // Every uncertain item lies at least as close to a boundary as any undecided account left out (but cluster duplicates).
        var worst = uncertain.Max(i => Distance(i.Score));
        var taken = items.Select(i => i.AccountId).ToHashSet();
        var clusters = uncertain.Where(i => i.ClusterId is not null).Select(i => i.ClusterId).ToHashSet();
        var closerLeftOut = Population().Where(c => !c.Decided && !taken.Contains(c.AccountId) && (c.ClusterId is null || !clusters.Contains(c.ClusterId))
            && Distance(c.Score) < worst);
        Assert.That(closerLeftOut, Is.Empty);
    }

    [Test]
    public void A_random_items_inclusion_is_its_bands_sample_over_its_bands_size()
    {
        var population = Population();
        var items = ReviewQueuePlanner.Plan(population, Bands, new ReviewQueueOptions { Budget = 100, RandomShare = 0.1 }, runId: 3);
        foreach (var item in items.Where(i => i.Kind == ReviewItemKind.Random))
        {
            var size = population.Count(c => c.Band == item.Stratum);
            var drawn = items.Count(i => i.Kind == ReviewItemKind.Random && i.Stratum == item.Stratum);
            Assert.That(item.Inclusion, Is.EqualTo((double)drawn / size).Within(1e-12), item.Stratum);
        }
    }

    [Test]
    public void The_draw_is_repeatable_for_a_run_and_differs_between_runs()
    {
        var options = new ReviewQueueOptions { Budget = 100, RandomShare = 0.1 };
        var once = ReviewQueuePlanner.Plan(Population(), Bands, options, runId: 11);
        var again = ReviewQueuePlanner.Plan(Population(), Bands, options, runId: 11);
        var other = ReviewQueuePlanner.Plan(Population(), Bands, options, runId: 12);
        Assert.That(again, Is.EqualTo(once));
        Assert.That(other.Where(i => i.Kind == ReviewItemKind.Random).Select(i => i.AccountId),
            Is.Not.EqualTo(once.Where(i => i.Kind == ReviewItemKind.Random).Select(i => i.AccountId)));
    }

    [Test]
    public void A_band_smaller_than_its_share_gives_the_rest_to_the_others()
    {
        // Only two accounts reach critical: the 20 random reviews are 2 critical and 6 each of the other bands.
        var population = Population().Select(c => c.AccountId <= 2 ? c with { Band = "critical", Score = 0.95 } : c.Band == "critical" ? c with { Band = "high", Score = 0.6 } : c).ToList();
        const int critical = 2;
        var items = ReviewQueuePlanner.Plan(population, Bands, new ReviewQueueOptions { Budget = 40, RandomShare = 0.5 }, runId: 1);
        var random = items.Where(i => i.Kind == ReviewItemKind.Random).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(random, Has.Count.EqualTo(20));
            Assert.That(random.Count(i => i.Stratum == "critical"), Is.EqualTo(critical));
            Assert.That(random.Where(i => i.Stratum == "critical").Select(i => i.Inclusion), Is.All.EqualTo(1.0));
        });
    }

    private static double Distance(double score) => Bands.Skip(1).Min(b => Math.Abs(score - b.Minimum));
}
