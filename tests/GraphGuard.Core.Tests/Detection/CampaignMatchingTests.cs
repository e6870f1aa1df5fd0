using GraphGuard.Core.Detection;

namespace GraphGuard.Core.Tests.Detection;

public sealed class CampaignMatchingTests
{
    private static int[] Range(int from, int count) => [.. Enumerable.Range(from, count)];

    [Test]
    public void A_campaign_that_grew_fourfold_continues_though_its_jaccard_is_a_quarter() =>
        Assert.That(CampaignMatching.Match([Range(0, 50)], [Range(0, 200)]), Is.EqualTo(new[] { 0 }));

    [Test]
    public void A_disjoint_cluster_starts_a_new_campaign() =>
        Assert.That(CampaignMatching.Match([Range(0, 50)], [Range(100, 50), Range(0, 40)]), Is.EqualTo(new[] { -1, 0 }));

    [Test]
    public void A_cluster_sharing_less_than_half_of_the_smaller_side_does_not_continue() =>
        Assert.That(CampaignMatching.Match([Range(0, 20)], [Range(11, 30)]), Is.EqualTo(new[] { -1 }));

    [Test]
    public void A_large_campaign_keeps_its_id_when_a_small_one_is_absorbed_into_it()
    {
        // The small previous cluster is wholly inside the current one (containment 1), but the large one
        // shares 90 of 100 accounts with it: the large campaign goes on, the small one ends.
        int[] large = Range(0, 100), small = Range(1_000, 10);
        int[] current = [.. Range(10, 90), .. small];

        Assert.That(CampaignMatching.Match([small, large], [current]), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void A_campaign_that_split_continues_in_its_larger_part_only()
    {
        var match = CampaignMatching.Match([Range(0, 100)], [Range(0, 30), Range(30, 70)]);

        Assert.That(match, Is.EqualTo(new[] { -1, 0 }));
    }

    [Test]
    public void Each_previous_cluster_is_continued_once_and_each_current_one_continues_at_most_one()
    {
        var previous = new[] { Range(0, 20), Range(20, 20), Range(40, 20) };
        var current = new[] { Range(40, 20), Range(0, 25), Range(18, 22) };

        Assert.That(CampaignMatching.Match(previous, current), Is.EqualTo(new[] { 2, 0, 1 }));
    }
}
