using GraphGuard.Core.Detection;
using GraphGuard.Core.Detection.Surprise;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Detection.Surprise;

public sealed class TakeoverDetectorTests
{
    private const int Day = SmallWorld.Day;
    private const int Hour = 3_600;

    /// <summary>
    /// Old accounts with lives of their own (a device and an address each since 400 days ago, a like a day on
    /// the posts around them from 200 days before the move to 30 days after).
    /// </summary>
    private static int[] People(SmallWorld world, int count, int[] posts)
    {
        var people = world.Accounts(count);
        foreach (var a in people)
        {
            world.Act(a, "login", world.Add(EntityKind.Device), -400 * Day);
            world.Act(a, "login", world.Add(EntityKind.Ip), -400 * Day + 60);
            for (var d = -200; d < 30; d++)
            {
                world.Act(a, "like", posts[((a * 7) + (d * 13) + 1_000) % posts.Length], (d * Day) + ((a * 997) % (20 * Hour)));
            }
        }
        return people;
    }

    private static int[] Posts(SmallWorld world, int count) => [.. Enumerable.Range(0, count).Select(_ => world.Add(EntityKind.Content))];

    /// <summary>A world of 300 posts and 40 bystanders, for the accounts a test adds to it.</summary>
    private static (SmallWorld World, int[] Posts) Town()
    {
        var world = new SmallWorld();
        var posts = Posts(world, 300);
        People(world, 40, posts);
        return (world, posts);
    }

    /// <summary>Each of <paramref name="accounts"/> logs in from one of <paramref name="devices"/> and <paramref name="ip"/> within six hours of day 0.</summary>
    private static void MoveOnto(SmallWorld world, int[] accounts, int[] devices, int ip)
    {
        for (var i = 0; i < accounts.Length; i++)
        {
            var at = i * 6 * Hour / accounts.Length;
            world.Act(accounts[i], "login", devices[i % devices.Length], at);
            world.Act(accounts[i], "login", ip, at + 30);
        }
    }

    [Test]
    public void Old_accounts_that_move_onto_one_new_pool_and_start_working_for_it_are_one_cluster_with_what_changed_in_its_evidence()
    {
        var (world, posts) = Town();
        var victims = People(world, 12, posts);
        var emulators = new[] { world.Add(EntityKind.Device), world.Add(EntityKind.Device) };
        var datacenter = world.Add(EntityKind.Ip);
        MoveOnto(world, victims, emulators, datacenter);
        var customers = world.Accounts(3);
        var customerPosts = Posts(world, 6);
        foreach (var v in victims)
        {
            for (var s = 0; s < 6; s++)
            {
                world.Act(v, "comment", customerPosts[s], Day + (s * Day) + (v % 5 * 600));
                world.Act(v, "like", customerPosts[s], Day + (s * Day) + (v % 5 * 600) + 60);
            }
            foreach (var c in customers)
            {
                world.Act(v, "follow", c, (2 * Day) + (c * 60));
            }
        }
        var input = world.Build();

        var result = new TakeoverDetector().Detect(input);

        Assert.That(result.Clusters, Has.Count.EqualTo(1));
        var cluster = result.Clusters[0];
        Assert.That(SmallWorld.Nodes(input, cluster), Is.EqualTo(victims));
        var e = cluster.Evidence.Single();
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(EvidenceKind.Takeover));
            Assert.That(e["accounts"], Is.EqualTo(12));
            Assert.That(e["shared"], Is.EqualTo(3), "two emulators and the datacenter address");
            Assert.That(e["median_age_days"], Is.EqualTo(400).Within(1));
            Assert.That(e["hours"], Is.LessThan(6));
            Assert.That(e["new_targets"], Is.EqualTo(9), "three customers and their six posts");
            Assert.That(e["rate_after"], Is.GreaterThan(2 * e["rate_before"]));
            Assert.That(e["log10_odds"], Is.GreaterThan(e["threshold_log10"]));
            Assert.That(cluster.Score, Is.GreaterThan(0.5));
            Assert.That(EvidenceSentence.Render(e, n => $"node {n}"), Does.StartWith("12 accounts, 400 days old (median), moved within "));
        });
    }

    [Test]
    public void An_office_that_gets_new_phones_and_a_new_network_the_same_morning_and_goes_on_as_before_is_not_flagged()
    {
        // Ten colleagues: the same shared new infrastructure as a takeover, at the same pace, but nobody changes what they do.
        var (world, posts) = Town();
        var colleagues = People(world, 10, posts);
        MoveOnto(world, colleagues, [world.Add(EntityKind.Device), world.Add(EntityKind.Device)], world.Add(EntityKind.Ip));

        Assert.That(new TakeoverDetector().Detect(world.Build()).Clusters, Is.Empty);
    }

    [Test]
    public void A_household_that_moves_house_and_one_person_who_moves_alone_are_not_flagged()
    {
        var (world, posts) = Town();
        var household = People(world, 5, posts);
        // The family's new home: one address and a shared tablet, while each member also buys a phone of their own.
        MoveOnto(world, household, [world.Add(EntityKind.Device)], world.Add(EntityKind.Ip));
        foreach (var a in household)
        {
            world.Act(a, "login", world.Add(EntityKind.Device), 2 * Hour);
            world.Act(a, "follow", household[(Array.IndexOf(household, a) + 1) % household.Length], 3 * Hour);
        }
        var mover = People(world, 1, posts)[0];
        world.Act(mover, "login", world.Add(EntityKind.Ip), Hour);

        Assert.That(new TakeoverDetector().Detect(world.Build()).Clusters, Is.Empty);
    }
}
