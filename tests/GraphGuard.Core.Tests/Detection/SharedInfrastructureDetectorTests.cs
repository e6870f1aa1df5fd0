using GraphGuard.Core.Detection;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Detection;

public sealed class SharedInfrastructureDetectorTests
{
    [Test]
    public void A_farm_on_few_devices_is_one_cluster_while_a_household_and_a_campus_are_not()
    {
        var world = new SmallWorld();
        var farm = world.Accounts(12);
        var farmDevices = new[] { world.Add(EntityKind.Device), world.Add(EntityKind.Device) };
        var farmIp = world.Add(EntityKind.Ip);
        for (var i = 0; i < farm.Length; i++)
        {
            world.Act(farm[i], "login", farmDevices[i % 2], 100 + i);
            world.Act(farm[i], "login", farmDevices[(i + 1) % 2], 200 + i);
            world.Act(farm[i], "login", farmIp, 300 + i);
        }
        var family = world.Accounts(5);
        var (homeDevice, homeIp) = (world.Add(EntityKind.Device), world.Add(EntityKind.Ip));
        foreach (var a in family)
        {
            world.Act(a, "login", homeDevice, 50);
            world.Act(a, "login", homeIp, 60);
        }
        var campus = world.Accounts(40);
        var campusIp = world.Add(EntityKind.Ip);
        foreach (var a in campus)
        {
            world.Act(a, "login", world.Add(EntityKind.Device), 70);
            world.Act(a, "login", campusIp, 80);
        }
        var input = world.Build();

        var result = new SharedInfrastructureDetector(new SharedInfrastructureOptions()).Detect(input);

        Assert.That(result.Clusters, Has.Count.EqualTo(1));
        var cluster = result.Clusters[0];
        Assert.That(SmallWorld.Nodes(input, cluster), Is.EqualTo(farm));
        var evidence = cluster.Evidence.Single();
        Assert.Multiple(() =>
        {
            Assert.That(evidence.Kind, Is.EqualTo(EvidenceKind.SharedInfrastructure));
            Assert.That(evidence["accounts"], Is.EqualTo(12));
            Assert.That(evidence["devices"], Is.EqualTo(2));
            Assert.That(evidence["ips"], Is.EqualTo(1));
            Assert.That(evidence["accounts_per_entity"], Is.EqualTo(4));
            Assert.That(cluster.Score, Is.GreaterThan(0.5));
        });
    }

    [Test]
    public void Entities_above_the_hub_cap_tie_nobody()
    {
        var world = new SmallWorld();
        var users = world.Accounts(20);
        var (nat1, nat2) = (world.Add(EntityKind.Ip), world.Add(EntityKind.Ip));
        foreach (var a in users)
        {
            world.Act(a, "login", nat1, 10);
            world.Act(a, "login", nat2, 20);
        }
        var input = world.Build();
        var capped = new SharedInfrastructureDetector(new SharedInfrastructureOptions { MaxAccountsPerAddress = 19 }).Detect(input);
        var uncapped = new SharedInfrastructureDetector(new SharedInfrastructureOptions { MaxAccountsPerAddress = 20 }).Detect(input);
        Assert.That(capped.Clusters, Is.Empty);
        Assert.That(uncapped.Clusters, Has.Count.EqualTo(1));
    }

    [Test]
    public void Devices_are_not_hubs_at_an_address_s_cap()
    {
        // A farm's emulators carry more accounts than a carrier address may; no crowd shares a device.
        var world = new SmallWorld();
        var farm = world.Accounts(20);
        var (emulator1, emulator2) = (world.Add(EntityKind.Device), world.Add(EntityKind.Device));
        foreach (var a in farm)
        {
            world.Act(a, "login", emulator1, 10);
            world.Act(a, "login", emulator2, 20);
        }
        var input = world.Build();
        var atAddressCap = new SharedInfrastructureDetector(new SharedInfrastructureOptions { MaxAccountsPerAddress = 19 }).Detect(input);
        var atDeviceCap = new SharedInfrastructureDetector(new SharedInfrastructureOptions { MaxAccountsPerDevice = 19 }).Detect(input);
        Assert.That(atAddressCap.Clusters, Has.Count.EqualTo(1));
        Assert.That(atDeviceCap.Clusters, Is.Empty);
    }
}
