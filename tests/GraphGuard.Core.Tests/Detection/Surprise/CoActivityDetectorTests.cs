using GraphGuard.Core.Detection;
using GraphGuard.Core.Detection.Surprise;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Detection.Surprise;

public sealed class CoActivityDetectorTests
{
    private const int Hour = 3600;
    private const int Day = SmallWorld.Day;

    /// <summary>
    /// 300 ordinary accounts liking 20 of 200 posts that 50 creators posted at random over 100 days, each like
    /// some hours after its post (how people react), and following 5 of the creators at random times.
    /// </summary>
    private static void Background(SmallWorld world, Random random)
    {
        var creators = world.Accounts(50);
        var posts = Enumerable.Range(0, 200).Select(_ => world.Add(EntityKind.Content)).ToArray();
        var posted = posts.Select(_ => random.Next(95 * Day)).ToArray();
        for (var p = 0; p < posts.Length; p++)
        {
            world.Act(creators[p % creators.Length], "post", posts[p], posted[p]);
        }
        foreach (var a in world.Accounts(300))
        {
            for (var i = 0; i < 20; i++)
            {
                var p = random.Next(posts.Length);
                world.Act(a, "like", posts[p], posted[p] + (int)(-Math.Log(1 - random.NextDouble()) * 8 * Hour));
            }
            for (var i = 0; i < 5; i++)
            {
                world.Act(a, "follow", creators[random.Next(creators.Length)], random.Next(100 * Day));
            }
        }
    }

    [Test]
    public void A_like_farm_filling_orders_for_several_customers_is_found_among_ordinary_accounts()
    {
        var world = new SmallWorld();
        var random = new Random(3);
        Background(world, random);
        var farm = world.Accounts(10);
        for (var order = 0; order < 6; order++)
        {
            var post = world.Add(EntityKind.Content);
            foreach (var a in farm)
            {
                world.Act(a, "like", post, (order * 7 * Day) + random.Next(20 * 60));
            }
        }
        var input = world.Build();

        var result = new CoActivityDetector().Detect(input);

        Assert.That(result.Clusters, Has.Count.EqualTo(1));
        Assert.That(SmallWorld.Nodes(input, result.Clusters[0]), Is.EqualTo(farm));
        Assert.That(result.Clusters[0].Evidence[0]["log10_odds"], Is.GreaterThan(result.Clusters[0].Evidence[0]["threshold_log10"]));
    }

    [TestCase(true, 0)]
    [TestCase(false, 1)]
    public void Fans_who_followed_the_creator_long_before_are_explained_and_strangers_doing_the_same_are_not(bool followedBefore, int clusters)
    {
        var world = new SmallWorld();
        var random = new Random(4);
        Background(world, random);
        var creator = world.Account();
        var fans = world.Accounts(30);
        foreach (var fan in fans.Where(_ => followedBefore))
        {
            world.Act(fan, "follow", creator, random.Next(10 * Day));
        }
        for (var p = 0; p < 10; p++)
        {
            var post = world.Add(EntityKind.Content);
            var posted = (30 * Day) + (p * 5 * Day);
            world.Act(creator, "post", post, posted);
            foreach (var fan in fans.Where(_ => random.NextDouble() < 0.8))
            {
                world.Act(fan, "like", post, posted + random.Next(15 * 60));
            }
        }

        var result = new CoActivityDetector().Detect(world.Build());

        Assert.That(result.Clusters, Has.Count.EqualTo(clusters));
    }

    [Test]
    public void A_viral_moment_with_hundreds_liking_one_post_at_once_is_not_a_cluster()
    {
        var world = new SmallWorld();
        var random = new Random(5);
        Background(world, random);
        var post = world.Add(EntityKind.Content);
        var share = world.Add(EntityKind.Content);
        foreach (var a in world.Accounts(400))
        {
            world.Act(a, "like", post, (50 * Day) + random.Next(Hour));
            world.Act(a, "share", post, (50 * Day) + random.Next(Hour));
            world.Act(a, "like", share, (51 * Day) + random.Next(Hour));
        }

        Assert.That(new CoActivityDetector().Detect(world.Build()).Clusters, Is.Empty);
    }

    [Test]
    public void A_harassment_swarm_spread_over_days_is_found_at_the_day_scale()
    {
        var world = new SmallWorld();
        var random = new Random(6);
        Background(world, random);
        var victim = world.Account();
        var swarm = world.Accounts(12);
        for (var wave = 0; wave < 8; wave++)
        {
            var post = world.Add(EntityKind.Content);
            world.Act(victim, "post", post, wave * 6 * Day);
            foreach (var a in swarm)
            {
                world.Act(a, "comment", post, (wave * 6 * Day) + random.Next(30 * Hour));
                world.Act(a, "report", victim, (wave * 6 * Day) + random.Next(30 * Hour));
            }
        }
        var input = world.Build();

        var result = new CoActivityDetector().Detect(input);

        Assert.That(result.Clusters, Has.Count.EqualTo(1));
        Assert.That(SmallWorld.Nodes(input, result.Clusters[0]), Is.EqualTo(swarm));
    }

    /// <summary>
    /// Communities of 60 whose members each like 12 posts of their own community's 4 creators, some hours
    /// after posting: within a day and a half of each other again and again, far more often than independent
    /// accounts across communities would, because they share a taste. <paramref name="campaign"/> adds 12
    /// accounts that like 8 old posts of creators in other communities together, days after those were posted.
    /// </summary>
    private static (DetectionInput Input, int[] Campaign) Communities(bool campaign)
    {
        var world = new SmallWorld();
        var random = new Random(11);
        Background(world, random);
        var allPosts = new List<(int Post, int Posted)>();
        for (var c = 0; c < 8; c++)
        {
            var creators = world.Accounts(4);
            var posts = creators.SelectMany(creator => Enumerable.Range(0, 5).Select(_ =>
            {
                var post = world.Add(EntityKind.Content);
                var posted = random.Next(90 * Day);
                world.Act(creator, "post", post, posted);
                return (post, posted);
            })).ToArray();
            allPosts.AddRange(posts);
            foreach (var member in world.Accounts(60))
            {
                for (var i = 0; i < 12; i++)
                {
                    var (post, posted) = posts[random.Next(posts.Length)];
                    world.Act(member, "like", post, posted + (int)(-Math.Log(1 - random.NextDouble()) * 8 * Hour));
                }
            }
        }
        var group = campaign ? world.Accounts(12) : [];
        foreach (var (post, posted) in allPosts.Where((_, i) => i % 20 == 3).Take(8))
        {
            var at = posted + (5 * Day) + random.Next(Day);
            foreach (var a in group)
            {
                world.Act(a, "like", post, at + random.Next(30 * 60));
            }
        }
        return (world.Build(), group);
    }

    [Test]
    public void Community_members_liking_their_creators_posts_hours_after_posting_are_explained_by_taste()
    {
        var (input, _) = Communities(campaign: false);

        Assert.That(new CoActivityDetector().Detect(input).Clusters, Is.Empty);
    }

    [Test]
    public void A_group_liking_old_posts_together_days_after_they_appeared_is_found_among_such_communities()
    {
        var (input, campaign) = Communities(campaign: true);

        var result = new CoActivityDetector().Detect(input);

        Assert.That(result.Clusters, Has.Count.EqualTo(1));
        Assert.That(SmallWorld.Nodes(input, result.Clusters[0]), Is.EqualTo(campaign));
    }
}
