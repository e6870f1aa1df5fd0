using GraphGuard.Core.Detection.Surprise;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Detection.Surprise;

public sealed class ReciprocalBlockDetectorTests
{
    /// <summary>200 accounts each following 5 of 30 creators, who follow nobody back.</summary>
    private static void Background(SmallWorld world, Random random)
    {
        var creators = world.Accounts(30);
        foreach (var a in world.Accounts(200))
        {
            for (var i = 0; i < 5; i++)
            {
                world.Act(a, "follow", creators[random.Next(creators.Length)], random.Next(100 * SmallWorld.Day));
            }
        }
    }

    [Test]
    public void A_follow_ring_whose_members_follow_each_other_is_found()
    {
        var world = new SmallWorld();
        var random = new Random(7);
        Background(world, random);
        var ring = world.Accounts(20);
        for (var i = 0; i < ring.Length; i++)
        {
            for (var j = 1; j <= 3; j++)
            {
                var other = ring[(i + j) % ring.Length];
                world.Act(ring[i], "follow", other, random.Next(100 * SmallWorld.Day));
                world.Act(other, "follow", ring[i], random.Next(100 * SmallWorld.Day));
            }
        }
        var input = world.Build();

        var result = new ReciprocalBlockDetector(ReciprocalRelation.Follows).Detect(input);

        Assert.That(result.Clusters, Has.Count.EqualTo(1));
        Assert.That(SmallWorld.Nodes(input, result.Clusters[0]), Is.EqualTo(ring));
        Assert.That(result.Clusters[0].Evidence[0]["mutual"], Is.EqualTo(60));
    }

    [Test]
    public void Households_who_all_follow_each_other_are_too_small_to_be_a_ring()
    {
        var world = new SmallWorld();
        var random = new Random(8);
        Background(world, random);
        for (var h = 0; h < 10; h++)
        {
            var home = world.Accounts(6);
            foreach (var a in home)
            {
                foreach (var b in home.Where(b => b != a))
                {
                    world.Act(a, "follow", b, random.Next(100 * SmallWorld.Day));
                }
            }
        }

        Assert.That(new ReciprocalBlockDetector(ReciprocalRelation.Follows).Detect(world.Build()).Clusters, Is.Empty);
    }

    /// <summary>Each account posts 3 times; 200 fans each like 8 posts of 30 creators, who like nothing back.</summary>
    private static (int[] Posts, int[] Authors) FansOfCreators(SmallWorld world, Random random)
    {
        var creators = world.Accounts(30);
        var posts = new List<int>();
        var authors = new List<int>();
        foreach (var creator in creators)
        {
            for (var p = 0; p < 3; p++)
            {
                var post = world.Add(EntityKind.Content);
                world.Act(creator, "post", post, random.Next(90 * SmallWorld.Day));
                posts.Add(post);
                authors.Add(creator);
            }
        }
        foreach (var fan in world.Accounts(200))
        {
            for (var i = 0; i < 8; i++)
            {
                world.Act(fan, "like", posts[random.Next(posts.Count)], (90 * SmallWorld.Day) + random.Next(9 * SmallWorld.Day));
            }
        }
        return ([.. posts], [.. authors]);
    }

    /// <summary>Every member of <paramref name="group"/> posts twice and likes and comments on the others' posts.</summary>
    private static void EngageEachOther(SmallWorld world, Random random, int[] group)
    {
        var posts = group.SelectMany(author => Enumerable.Range(0, 2).Select(_ =>
        {
            var post = world.Add(EntityKind.Content);
            world.Act(author, "post", post, random.Next(90 * SmallWorld.Day));
            return (author, post);
        })).ToList();
        foreach (var a in group)
        {
            foreach (var (author, post) in posts.Where(p => p.author != a))
            {
                world.Act(a, random.Next(2) == 0 ? "like" : "comment", post, (90 * SmallWorld.Day) + random.Next(9 * SmallWorld.Day));
            }
        }
    }

    [Test]
    public void An_engagement_pod_whose_members_like_each_others_posts_is_found_among_fans_of_creators()
    {
        var world = new SmallWorld();
        var random = new Random(9);
        FansOfCreators(world, random);
        var pod = world.Accounts(15);
        EngageEachOther(world, random, pod);
        var input = world.Build();

        var result = new ReciprocalBlockDetector(ReciprocalRelation.Engagement).Detect(input);

        Assert.That(result.Clusters, Has.Count.EqualTo(1));
        Assert.That(SmallWorld.Nodes(input, result.Clusters[0]), Is.EqualTo(pod));
        Assert.That(result.Clusters[0].Detector, Is.EqualTo("reciprocal_engagement"));
        Assert.That(result.Clusters[0].Evidence[0]["mutual"], Is.EqualTo(15 * 14 / 2));
    }

    [Test]
    public void Families_liking_each_others_posts_are_too_small_and_follows_alone_do_not_count_as_engagement()
    {
        var world = new SmallWorld();
        var random = new Random(10);
        FansOfCreators(world, random);
        for (var h = 0; h < 10; h++)
        {
            EngageEachOther(world, random, world.Accounts(5));
        }
        var ring = world.Accounts(20);
        foreach (var a in ring)
        {
            foreach (var b in ring.Where(b => b != a))
            {
                world.Act(a, "follow", b, random.Next(90 * SmallWorld.Day));
            }
        }
        var input = world.Build();

        Assert.That(new ReciprocalBlockDetector(ReciprocalRelation.Engagement).Detect(input).Clusters, Is.Empty);
    }
}
