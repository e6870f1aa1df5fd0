using GraphGuard.Core.Detection;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Detection;

public sealed class TrustPropagationTests
{
    [Test]
    public void Trust_from_old_active_accounts_stays_high_near_them_and_low_in_a_detached_farm()
    {
        var world = new SmallWorld();
        var honest = world.Accounts(20, created: -800L * SmallWorld.Day);
        var farm = world.Accounts(20, created: -5L * SmallWorld.Day);
        Tie(world, honest);
        Tie(world, farm);
        // One honest account shares a device with one farm account: the attack edge.
        var bridge = world.Add(EntityKind.Device);
        world.Act(honest[0], "login", bridge, 10);
        world.Act(farm[0], "login", bridge, 10);
        foreach (var a in honest)
        {
            for (var k = 0; k < 25; k++)
            {
                world.Act(a, "view", world.Add(EntityKind.Content), 100 + k);
            }
        }
        var input = world.Build();

        var trust = new TrustPropagation(new TrustOptions()).Detect(input).Features.Single(f => f.Name == TrustPropagation.Feature).Values;

        var honestMean = honest.Average(a => trust[input.Accounts.IndexOf(a)]);
        var farmMean = farm.Average(a => trust[input.Accounts.IndexOf(a)]);
        Assert.That(farmMean, Is.LessThan(honestMean / 5));
    }

    /// <summary>A ring of shared devices: each account shares one with the next.</summary>
    private static void Tie(SmallWorld world, int[] group)
    {
        for (var i = 0; i < group.Length; i++)
        {
            var device = world.Add(EntityKind.Device);
            world.Act(group[i], "login", device, 5);
            world.Act(group[(i + 1) % group.Length], "login", device, 5);
        }
    }
}
