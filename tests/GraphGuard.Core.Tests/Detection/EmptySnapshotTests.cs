using GraphGuard.Core.Detection;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Detection;

public sealed class EmptySnapshotTests
{
    [Test]
    public void Every_detector_handles_a_snapshot_without_content_or_engagement()
    {
        var world = new SmallWorld();
        var a = world.Account();
        world.Act(a, "login", world.Add(EntityKind.Device), 10);
        var input = world.Build();
        var report = CoordinationDetection.Run(input, new DetectionOptions());
        Assert.That(report.Clusters, Is.Empty);
        Assert.That(report.Features.RowCount, Is.EqualTo(1));
    }
}
