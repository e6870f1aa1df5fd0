using GraphGuard.Core.Detection;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Detection;

public sealed class LockstepDetectorTests
{
    private const int Hour = 3600;

    [Test]
    public void A_like_farm_acting_on_post_after_post_together_is_found_and_viral_fans_are_not()
    {
        var world = new SmallWorld();
        var farm = world.Accounts(8);
        for (var p = 0; p < 5; p++)
        {
            var post = world.Add(EntityKind.Content);
            foreach (var (a, i) in farm.Select((a, i) => (a, i)))
            {
                world.Act(a, "like", post, (p * 10 * Hour) + (i * 60));
            }
        }
        // 400 fans like one viral post within minutes, and each has a life of its own elsewhere.
        var viral = world.Add(EntityKind.Content);
        var fans = world.Accounts(400);
        foreach (var (fan, i) in fans.Select((a, i) => (a, i)))
        {
            world.Act(fan, "like", viral, 100 * Hour + (i % 600));
            world.Act(fan, "like", world.Add(EntityKind.Content), 200 * Hour);
        }
        var input = world.Build();

        var result = new LockstepDetector(new LockstepOptions()).Detect(input);

        Assert.That(result.Clusters, Has.Count.EqualTo(1));
        Assert.That(SmallWorld.Nodes(input, result.Clusters[0]), Is.EqualTo(farm));
        var evidence = result.Clusters[0].Evidence.Single();
        Assert.Multiple(() =>
        {
            Assert.That(evidence["targets"], Is.EqualTo(5));
            Assert.That(evidence["windows"], Is.EqualTo(5));
            Assert.That(evidence["top_accounts"], Is.EqualTo(8));
            Assert.That(result.Clusters[0].Score, Is.GreaterThan(0.5));
        });
    }

    [Test]
    public void Acting_on_the_same_targets_hours_apart_is_not_lockstep()
    {
        var world = new SmallWorld();
        var accounts = world.Accounts(8);
        for (var p = 0; p < 5; p++)
        {
            var post = world.Add(EntityKind.Content);
            foreach (var (a, i) in accounts.Select((a, i) => (a, i)))
            {
                world.Act(a, "like", post, (p * 100 * Hour) + (i * 2 * Hour));
            }
        }
        Assert.That(new LockstepDetector(new LockstepOptions()).Detect(world.Build()).Clusters, Is.Empty);
    }

    [Test]
    public void An_account_that_joined_two_of_the_groups_windows_is_periphery()
    {
        var world = new SmallWorld();
        var brigade = world.Accounts(6);
        var straggler = world.Account();
        for (var p = 0; p < 6; p++)
        {
            var post = world.Add(EntityKind.Content);
            foreach (var (a, i) in brigade.Select((a, i) => (a, i)))
            {
                world.Act(a, "comment", post, (p * 10 * Hour) + (i * 30));
            }
            if (p < 2)
            {
                world.Act(straggler, "comment", post, (p * 10 * Hour) + 200);
            }
            for (var k = 0; k < 20; k++)
            {
                world.Act(straggler, "like", world.Add(EntityKind.Content), 500 * Hour);
            }
        }
        var input = world.Build();
        var cluster = new LockstepDetector(new LockstepOptions()).Detect(input).Clusters.Single();
        var s = input.Accounts.IndexOf(straggler);
        Assert.That(cluster.Members, Does.Contain(s));
        Assert.That(cluster.Core, Does.Not.Contain(s));
        Assert.That(cluster.Members, Has.Length.EqualTo(7));
    }
}
