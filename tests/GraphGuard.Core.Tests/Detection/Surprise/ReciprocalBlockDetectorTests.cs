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
}
