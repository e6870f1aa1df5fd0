using GraphGuard.Core.Detection;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Detection;

public sealed class CreationBurstDetectorTests
{
    [Test]
    public void Accounts_registered_within_hours_on_shared_devices_and_ips_are_a_burst_but_a_campus_over_months_is_not()
    {
        var world = new SmallWorld();
        var devices = new[] { world.Add(EntityKind.Device), world.Add(EntityKind.Device) };
        var proxy = world.Add(EntityKind.Ip);
        var burst = Enumerable.Range(0, 10).Select(i => world.Account(created: 1000 + (i * 900))).ToArray();
        foreach (var (a, i) in burst.Select((a, i) => (a, i)))
        {
            world.Act(a, "register", devices[i % 2], 1000 + (i * 900));
            world.Act(a, "register", proxy, 1000 + (i * 900));
        }
        var campusIp = world.Add(EntityKind.Ip);
        var campus = Enumerable.Range(0, 30).Select(i => world.Account(created: i * 5L * SmallWorld.Day)).ToArray();
        foreach (var a in campus)
        {
            world.Act(a, "login", campusIp, 200 * SmallWorld.Day);
        }
        var input = world.Build();

        var result = new CreationBurstDetector(new CreationBurstOptions()).Detect(input);

        var cluster = result.Clusters.Single();
        Assert.That(SmallWorld.Nodes(input, cluster), Is.EqualTo(burst));
        Assert.That(cluster.Evidence[0]["hours"], Is.EqualTo(2.25));
        Assert.That(cluster.Evidence[0]["shared"], Is.EqualTo(3));
    }

    [Test]
    public void A_chain_of_registrations_longer_than_the_maximum_span_is_not_a_burst()
    {
        var world = new SmallWorld();
        var device = world.Add(EntityKind.Device);
        // One every 90 minutes for 30 accounts: each gap is short, the whole run spans 43.5 hours.
        foreach (var i in Enumerable.Range(0, 30))
        {
            world.Act(world.Account(created: i * 5400), "register", device, i * 5400);
        }
        Assert.That(new CreationBurstDetector(new CreationBurstOptions()).Detect(world.Build()).Clusters, Is.Empty);
    }

    [Test]
    public void A_burst_on_devices_counts_above_the_address_cap_and_a_crowded_address_does_not()
    {
        var world = new SmallWorld();
        var emulator = world.Add(EntityKind.Device);
        var gateway = world.Add(EntityKind.Ip);
        var farm = Enumerable.Range(0, 12).Select(i => world.Account(created: 1000 + (i * 600))).ToArray();
        foreach (var (a, i) in farm.Select((a, i) => (a, i)))
        {
            world.Act(a, "register", emulator, 1000 + (i * 600));
        }
        var signups = Enumerable.Range(0, 12).Select(i => world.Account(created: 50 * SmallWorld.Day + (i * 600))).ToArray();
        foreach (var (a, i) in signups.Select((a, i) => (a, i)))
        {
            world.Act(a, "register", gateway, 50 * SmallWorld.Day + (i * 600));
        }
        var input = world.Build();

        var result = new CreationBurstDetector(new CreationBurstOptions { MaxAccountsPerAddress = 11 }).Detect(input);

        Assert.That(SmallWorld.Nodes(input, result.Clusters.Single()), Is.EqualTo(farm));
    }
}
