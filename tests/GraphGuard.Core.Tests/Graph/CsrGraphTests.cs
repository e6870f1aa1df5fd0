using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Graph;

public sealed class CsrGraphTests
{
    private static CsrGraph Build(int nodes, CsrBuildOptions options, params (int, int, float)[] edges)
    {
        using var list = new EdgeList();
        foreach (var (s, t, w) in edges)
        {
            list.Add(s, t, w);
        }
        return CsrGraph.Build(nodes, list, options);
    }

    [Test]
    public void Undirected_build_stores_every_edge_both_ways()
    {
        using var g = Build(3, new CsrBuildOptions { Undirected = true }, (0, 1, 1), (1, 2, 1));
        Assert.Multiple(() =>
        {
            Assert.That(g.EdgeCount, Is.EqualTo(4));
            Assert.That(g.Neighbors(0).ToArray(), Is.EqualTo(new[] { 1 }));
            Assert.That(g.Neighbors(1).ToArray(), Is.EqualTo(new[] { 0, 2 }));
            Assert.That(g.Neighbors(2).ToArray(), Is.EqualTo(new[] { 1 }));
        });
    }

    [Test]
    public void Directed_build_stores_out_edges_only()
    {
        using var g = Build(3, new CsrBuildOptions(), (0, 1, 1), (2, 1, 1));
        Assert.Multiple(() =>
        {
            Assert.That(g.EdgeCount, Is.EqualTo(2));
            Assert.That(g.Degree(1), Is.Zero);
            Assert.That(g.Neighbors(2).ToArray(), Is.EqualTo(new[] { 1 }));
        });
    }

    [Test]
    public void Self_loops_are_dropped_when_asked_and_stored_once_otherwise()
    {
        using var dropped = Build(2, new CsrBuildOptions { Undirected = true, DropSelfLoops = true }, (0, 0, 1), (0, 1, 1));
        using var kept = Build(2, new CsrBuildOptions { Undirected = true }, (0, 0, 1), (0, 1, 1));
        Assert.Multiple(() =>
        {
            Assert.That(dropped.Neighbors(0).ToArray(), Is.EqualTo(new[] { 1 }));
            Assert.That(kept.Neighbors(0).ToArray(), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(kept.EdgeCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void Duplicate_edges_merge_into_one_with_summed_weight()
    {
        var options = new CsrBuildOptions { Undirected = true, MergeDuplicates = true, Weighted = true };
        using var g = Build(3, options, (0, 1, 1.5f), (1, 0, 2f), (0, 1, 0.5f), (1, 2, 3f));
        Assert.Multiple(() =>
        {
            Assert.That(g.Neighbors(0).ToArray(), Is.EqualTo(new[] { 1 }));
            Assert.That(g.NeighborWeights(0).ToArray(), Is.EqualTo(new[] { 4f }));
            Assert.That(g.Neighbors(1).ToArray(), Is.EqualTo(new[] { 0, 2 }));
            Assert.That(g.NeighborWeights(1).ToArray(), Is.EqualTo(new[] { 4f, 3f }));
            Assert.That(g.WeightedDegree(1), Is.EqualTo(7.0));
            Assert.That(g.EdgeCount, Is.EqualTo(4));
        });
    }

    [Test]
    public void Duplicates_are_kept_unless_merging_is_asked()
    {
        using var g = Build(2, new CsrBuildOptions(), (0, 1, 1), (0, 1, 1));
        Assert.That(g.Neighbors(0).ToArray(), Is.EqualTo(new[] { 1, 1 }));
    }

    [Test]
    public void Unweighted_graphs_report_unit_weights()
    {
        using var g = Build(3, new CsrBuildOptions { Undirected = true }, (0, 1, 5), (0, 2, 7));
        Assert.Multiple(() =>
        {
            Assert.That(g.IsWeighted, Is.False);
            Assert.That(g.NeighborWeights(0).ToArray(), Is.EqualTo(new[] { 1f, 1f }));
            Assert.That(g.WeightedDegree(0), Is.EqualTo(2.0));
        });
    }

    [Test]
    public void Neighbourhoods_come_out_sorted_with_weights_following_their_targets()
    {
        var random = new Random(5);
        var edges = Enumerable.Range(0, 2000).Select(_ => (random.Next(50), random.Next(50), (float)random.Next(1, 100))).ToArray();
        using var g = Build(50, new CsrBuildOptions { Weighted = true }, edges);
        for (var v = 0; v < 50; v++)
        {
            var n = g.Neighbors(v).ToArray();
            Assert.That(n, Is.Ordered);
            var expected = edges.Where(e => e.Item1 == v).Select(e => (e.Item2, e.Item3)).OrderBy(e => e).ToArray();
            var actual = n.Zip(g.NeighborWeights(v).ToArray()).OrderBy(e => e).ToArray();
            Assert.That(actual, Is.EqualTo(expected));
        }
    }

    [Test]
    public void Transpose_reverses_every_edge_and_keeps_weights()
    {
        using var g = Build(3, new CsrBuildOptions { Weighted = true }, (0, 1, 2), (0, 2, 3), (2, 1, 4));
        using var t = g.Transpose();
        Assert.Multiple(() =>
        {
            Assert.That(t.IsWeighted, Is.True);
            Assert.That(t.EdgeCount, Is.EqualTo(3));
            Assert.That(t.Degree(0), Is.Zero);
            Assert.That(t.Neighbors(1).ToArray(), Is.EqualTo(new[] { 0, 2 }));
            Assert.That(t.NeighborWeights(1).ToArray(), Is.EqualTo(new[] { 2f, 4f }));
            Assert.That(t.Neighbors(2).ToArray(), Is.EqualTo(new[] { 0 }));
            Assert.That(t.NeighborWeights(2).ToArray(), Is.EqualTo(new[] { 3f }));
        });
    }

    [Test]
    public void Relabelled_transpose_reverses_every_edge_under_the_new_names([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 200);
        var edges = Enumerable.Range(0, 5 * n).Select(_ => (random.Next(n), random.Next(n), (float)random.Next(1, 9))).ToArray();
        using var g = Build(n, new CsrBuildOptions { Weighted = true }, edges);
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var newId = new int[n];
        for (var i = 0; i < n; i++)
        {
            newId[order[i]] = i;
        }
        using var t = g.Transpose(order);
        for (var i = 0; i < n; i++)
        {
            var expected = edges.Where(e => newId[e.Item2] == i).Select(e => (newId[e.Item1], e.Item3)).OrderBy(e => e).ToArray();
            var actual = t.Neighbors(i).ToArray().Zip(t.NeighborWeights(i).ToArray()).ToArray();
            Assert.That(actual.Select(a => a.First), Is.Ordered, "neighbourhoods stay sorted");
            Assert.That(actual.OrderBy(e => e), Is.EqualTo(expected));
        }
        Assert.Throws<ArgumentException>(() => g.Transpose([.. order.Take(n - 1), order[0]]));
    }

    [Test]
    public void Empty_graph_has_no_nodes_and_no_edges()
    {
        using var g = Build(0, new CsrBuildOptions { Undirected = true, MergeDuplicates = true });
        using var t = g.Transpose();
        Assert.Multiple(() =>
        {
            Assert.That(g.NodeCount, Is.Zero);
            Assert.That(g.EdgeCount, Is.Zero);
            Assert.That(t.NodeCount, Is.Zero);
        });
    }

    [Test]
    public void Nodes_without_edges_have_empty_neighbourhoods()
    {
        using var g = Build(5, new CsrBuildOptions { Undirected = true }, (1, 3, 1));
        Assert.Multiple(() =>
        {
            Assert.That(g.NodeCount, Is.EqualTo(5));
            Assert.That(g.Neighbors(0).Length, Is.Zero);
            Assert.That(g.Neighbors(4).Length, Is.Zero);
            Assert.That(g.NeighborWeights(4).Length, Is.Zero);
            Assert.That(g.Offsets.ToArray(), Is.EqualTo(new long[] { 0, 0, 1, 1, 2, 2 }));
        });
    }

    [TestCase(0, 3)]
    [TestCase(-1, 0)]
    [TestCase(3, 0)]
    public void Edges_naming_a_node_outside_the_graph_are_rejected(int source, int target)
    {
        Assert.Throws<ArgumentException>(() => Build(3, new CsrBuildOptions(), (source, target, 1)));
    }
}
