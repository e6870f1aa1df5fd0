using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Graph;

public sealed class InteractionGraphTests
{
    private static readonly DateTime Base = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static InteractionGraph Build(byte[] kinds, params (int Actor, int Target, byte Action, int Time)[] events)
    {
        var builder = new InteractionGraphBuilder(kinds, Base, ["none", "follow", "like"]);
        var half = events.Length / 2;
        // Two batches, as two loader threads would fill them.
        var first = builder.NewBatch();
        var second = builder.NewBatch();
        for (var i = 0; i < events.Length; i++)
        {
            (i < half ? first : second).Add(events[i].Actor, events[i].Target, events[i].Action, events[i].Time);
        }
        return builder.Build();
    }

    [Test]
    public void Both_directions_hold_every_event_ordered_by_time()
    {
        byte[] kinds = [1, 1, 2, 3];
        using var g = Build(kinds, (0, 2, 2, 50), (0, 1, 1, 10), (1, 2, 2, 30), (0, 3, 1, 10), (1, 0, 1, 5));

        Assert.That(g.NodeCount, Is.EqualTo(4));
        Assert.That(g.EdgeCount, Is.EqualTo(5));
        Assert.That(g.OutNeighbors(0).ToArray(), Is.EqualTo(new[] { 1, 3, 2 }), "time 10, 10 (by neighbour), 50");
        Assert.That(g.OutTimes(0).ToArray(), Is.EqualTo(new[] { 10, 10, 50 }));
        Assert.That(g.OutActions(0).ToArray(), Is.EqualTo(new byte[] { 1, 1, 2 }));
        Assert.That(g.InNeighbors(2).ToArray(), Is.EqualTo(new[] { 1, 0 }));
        Assert.That(g.InTimes(2).ToArray(), Is.EqualTo(new[] { 30, 50 }));
        Assert.That(g.InDegree(0), Is.EqualTo(1));
        Assert.That(g.OutDegree(3), Is.Zero);
        Assert.That(g.Kind(3), Is.EqualTo(EntityKind.Device));
        Assert.That(g.At(10), Is.EqualTo(Base.AddSeconds(10)));
        Assert.That(g.Actions[2], Is.EqualTo("like"));
    }

    [Test]
    public void Repeated_events_and_self_loops_are_kept_as_they_happened()
    {
        using var g = Build([1, 1], (0, 1, 1, 7), (0, 1, 1, 7), (1, 1, 2, 3));
        Assert.That(g.OutNeighbors(0).ToArray(), Is.EqualTo(new[] { 1, 1 }));
        Assert.That(g.InNeighbors(1).ToArray(), Is.EqualTo(new[] { 1, 0, 0 }));
    }

    [Test]
    public void An_empty_window_is_an_empty_graph()
    {
        using var g = Build([1, 2, 3]);
        Assert.That(g.EdgeCount, Is.Zero);
        Assert.That(g.OutNeighbors(2).IsEmpty, Is.True);
    }

    [Test]
    public void Memory_stays_within_24_bytes_per_edge_for_both_directions()
    {
        var random = new Random(5);
        var events = Enumerable.Range(0, 200_000).Select(_ => (random.Next(1000), random.Next(1000), (byte)random.Next(3), random.Next(1_000_000))).ToArray();
        using var g = Build(Enumerable.Repeat((byte)1, 1000).ToArray(), events);
        var adjacencyBytes = g.MemoryBytes - 1000 - 2 * 1001 * sizeof(long);
        Assert.That(adjacencyBytes / (double)g.EdgeCount, Is.LessThanOrEqualTo(24));
    }

    [Test]
    public void An_event_naming_an_unknown_node_is_refused() =>
        Assert.That(() => Build([1], (0, 5, 1, 0)), Throws.ArgumentException);
}
