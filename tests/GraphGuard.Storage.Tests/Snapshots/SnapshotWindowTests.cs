using GraphGuard.Storage.Snapshots;

namespace GraphGuard.Storage.Tests.Snapshots;

public sealed class SnapshotWindowTests
{
    [Test]
    public void Time_base_drops_the_fraction_of_a_second_of_the_window_start()
    {
        var from = new DateTime(2026, 10, 1, 23, 59, 59, DateTimeKind.Utc).AddTicks(10);
        var window = new SnapshotWindow(from, from.AddDays(30));
        Assert.That(window.TimeBase, Is.EqualTo(new DateTime(2026, 10, 1, 23, 59, 59, DateTimeKind.Utc)));
    }

    [Test]
    public void Time_base_of_an_open_window_is_the_fixed_epoch()
    {
        Assert.That(SnapshotWindow.All.TimeBase, Is.EqualTo(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
