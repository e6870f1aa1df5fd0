using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests.Sage;

public sealed class NeighborSamplerTests
{
    private static readonly int[] FanOuts = [5, 3];

    [Test]
    public void Sampling_never_exceeds_the_fan_out_and_never_draws_a_non_neighbour()
    {
        var dense = TestGraphs.Random(200, 0.1, seed: 1);
        var hub = TestGraphs.Undirected(200, [.. Enumerable.Range(1, 199).Select(v => (0, v))]);
        var graph = TestGraphs.Graph(200, dense, hub);
        var batch = new SampledBatch(2, 2);
        new NeighborSampler(graph, FanOuts, -1).Sample([0, 5, 17, 42, 199], seed: 3, batch);
        for (var layer = 1; layer <= 2; layer++)
        {
            var fanOut = FanOuts[2 - layer];
            var sources = batch.Nodes(layer - 1).ToArray();
            for (var r = 0; r < 2; r++)
            {
                var block = batch.Blocks(layer)[r];
                var relation = graph.Relations[r].Graph;
                Assert.That(block.Rows, Is.EqualTo(batch.LevelSize(layer)));
                Assert.That(block.Columns, Is.EqualTo(batch.LevelSize(layer - 1)));
                for (var i = 0; i < block.Rows; i++)
                {
                    var node = batch.Node(i);
                    var neighbours = relation.Neighbors(node).ToArray();
                    var drawn = Enumerable.Range(block.RowOffsets[i], block.RowOffsets[i + 1] - block.RowOffsets[i])
                        .Select(e => sources[block.ColumnIndices[e]]).ToArray();
                    Assert.That(drawn, Has.Length.EqualTo(Math.Min(fanOut, neighbours.Length)), $"node {node}, relation {r}");
                    Assert.That(drawn, Is.Unique.And.SubsetOf(neighbours));
                    Assert.That(block.Values.AsSpan(block.RowOffsets[i], drawn.Length).ToArray(), Is.All.EqualTo(1f / drawn.Length));
                }
            }
        }
    }

    [Test]
    public void Sampling_draws_every_neighbour_equally_often()
    {
        var star = TestGraphs.Undirected(11, [.. Enumerable.Range(1, 10).Select(v => (0, v))]);
        var graph = TestGraphs.Graph(11, star);
        var sampler = new NeighborSampler(graph, [3], -1);
        var batch = new SampledBatch(1, 1);
        var counts = new int[11];
        for (var seed = 0UL; seed < 3000; seed++)
        {
            sampler.Sample([0], seed, batch);
            var block = batch.Blocks(1)[0];
            for (var e = 0; e < block.NonZeros; e++)
            {
                counts[batch.Node(block.ColumnIndices[e])]++;
            }
        }
        // 3000 draws of 3 out of 10: each leaf expects 900 (standard deviation about 25).
        Assert.That(counts[1..], Is.All.InRange(800, 1000));
    }

    [Test]
    public void Isolated_nodes_and_an_empty_relation_get_empty_rows_and_targets_keep_their_rows()
    {
        var some = TestGraphs.Undirected(6, [(0, 1), (1, 2)]);
        var none = TestGraphs.Undirected(6, []);
        var graph = TestGraphs.Graph(6, some, none);
        var batch = new SampledBatch(2, 2);
        new NeighborSampler(graph, FanOuts, -1).Sample([4, 0, 4, 5], seed: 1, batch);
        Assert.That(batch.TargetRows.ToArray(), Is.EqualTo(new[] { 0, 1, 0, 2 }));
        Assert.That(batch.Nodes(2).ToArray(), Is.EqualTo(new[] { 4, 0, 5 }));
        Assert.That(batch.Blocks(2)[0].RowOffsets[..4], Is.EqualTo(new[] { 0, 0, 1, 1 }));
        Assert.That(batch.Blocks(2)[1].NonZeros, Is.Zero);
        Assert.That(batch.Blocks(1)[1].NonZeros, Is.Zero);
        // Levels nest: every level starts with the level above it.
        Assert.That(batch.Nodes(1).ToArray()[..3], Is.EqualTo(batch.Nodes(2).ToArray()));
    }

    [Test]
    public void The_same_seed_draws_the_same_batch_on_any_number_of_threads()
    {
        var graph = TestGraphs.Graph(3000, TestGraphs.Sparse(3000, 30_000, seed: 2), TestGraphs.Sparse(3000, 20_000, seed: 3));
        int[] targets = [.. Enumerable.Range(0, 600).Select(i => (i * 7) % 3000)];
        int[] Draw(int threads, ulong seed)
        {
            var batch = new SampledBatch(2, 2);
            new NeighborSampler(graph, FanOuts, threads).Sample(targets, seed, batch);
            return [.. batch.Nodes(0).ToArray(), .. batch.Blocks(1)[1].ColumnIndices[..batch.Blocks(1)[1].NonZeros]];
        }
        Assert.That(Draw(1, 9), Is.EqualTo(Draw(-1, 9)));
        Assert.That(Draw(-1, 9), Is.Not.EqualTo(Draw(-1, 10)));
    }

    [Test]
    public void Sampling_rejects_a_target_outside_the_graph()
    {
        var graph = TestGraphs.Graph(3, TestGraphs.Undirected(3, [(0, 1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NeighborSampler(graph, [2], -1).Sample([3], 1, new SampledBatch(1, 1)));
    }
}
