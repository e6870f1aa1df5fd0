using GraphGuard.Core.Detection.DenseBlocks;

namespace GraphGuard.Core.Tests.Detection;

public sealed class FraudarSearchTests
{
    [Test]
    public void Min_tree_tracks_the_smallest_value_and_prefers_the_smaller_index_on_ties()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 37).Select(_ => (double)random.Next(10)).ToArray();
        var tree = new MinTree(values);
        for (var step = 0; step < 200; step++)
        {
            var naive = Array.IndexOf(values, values.Min());
            Assert.That(tree.Min, Is.EqualTo(naive));
            var i = random.Next(values.Length);
            values[i] = random.Next(10);
            tree.Set(i, values[i]);
        }
    }

    [Test]
    public void Peeling_order_and_block_density_match_a_hand_computation()
    {
        // Accounts a0, a1 like posts c0 and c1; a2 likes only c0. Nodes: rows a0 a1 a2, then columns c0 c1.
        using var world = DetectionWorld.Create(3, 2, [(0, 3, "like"), (0, 4, "like"), (1, 3, "like"), (1, 4, "like"), (2, 3, "like")]);
        var graph = EngagementGraph.Build(world.Graph, world.Input.Accounts, ["like"], weightOffset: 5);
        var search = new FraudarSearch(graph, minDegree: 0, Options(absorbShare: 1));
        double w0 = 1 / Math.Log(3 + 5), w1 = 1 / Math.Log(2 + 5);

        var order = search.Peel();

        // Degrees: a2 w0 = 0.48 goes first; then c0 (2·w0 = 0.96 < a0's w0 + w1 = 0.99); then a0 before a1
        // on the tie; a1 and c1 are left with w1 each. Densities along the way: (3·w0 + 2·w1) / 5 = 0.494,
        // (2·w0 + 2·w1) / 4 = 0.497, 2·w1 / 3, w1 / 2, 0: the best is the four nodes left after a2.
        Assert.That(order[..3], Is.EqualTo(new[] { 2, 3, 0 }));
        Assert.That(order[3..], Is.EquivalentTo(new[] { 1, 4 }));
        var block = search.NextRound().Single();
        Assert.That(block.Accounts, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(block.Targets, Is.EqualTo(new[] { 3, 4 }));
        Assert.That((block.Edges, block.Density), Is.EqualTo((4, ((2 * w0) + (2 * w1)) / 4)).Within(1e-12));
        var rest = search.NextRound().Single();
        Assert.That((rest.Accounts.Single(), rest.Targets.Single(), rest.Density), Is.EqualTo((2, 3, w0 / 2)).Within(1e-12), "what is left: a2 and c0");
        Assert.That(search.NextRound(), Is.Empty);
    }

    [Test]
    public void Accounts_just_below_the_block_density_are_absorbed()
    {
        using var world = DetectionWorld.Create(3, 2, [(0, 3, "like"), (0, 4, "like"), (1, 3, "like"), (1, 4, "like"), (2, 3, "like")]);
        var graph = EngagementGraph.Build(world.Graph, world.Input.Accounts, ["like"], weightOffset: 5);

        // a2's weight into the block, w0 = 0.48, is below its density 0.50 (so the peel drops it) and just
        // under half its accounts' mean weight (0.99): an absorb share of 0.4 takes it in, 0.5 does not.
        var block = new FraudarSearch(graph, minDegree: 0, Options(absorbShare: 0.4)).NextRound().First();

        Assert.That(block.Accounts, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(block.Edges, Is.EqualTo(5));
        Assert.That(new FraudarSearch(graph, minDegree: 0, Options(absorbShare: 0.5)).NextRound().First().Accounts, Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Two_blocks_sharing_one_target_are_split()
    {
        // Accounts 0-5 like posts 20-25, accounts 6-11 like posts 26-31, and all twelve follow account 19.
        var edges = new List<(int, int, string)>();
        for (var a = 0; a < 12; a++)
        {
            var first = a < 6 ? 20 : 26;
            edges.AddRange(Enumerable.Range(first, 6).Select(p => (a, p, "like")).Append((a, 19, "follow")));
        }
        using var world = DetectionWorld.Create(20, 12, edges);
        var graph = EngagementGraph.Build(world.Graph, world.Input.Accounts, ["like", "follow"], weightOffset: 5);

        var blocks = new FraudarSearch(graph, minDegree: 0, Options(absorbShare: 0.5)).NextRound();

        Assert.That(blocks.Select(b => b.Accounts), Is.EquivalentTo(new[] { Enumerable.Range(0, 6), Enumerable.Range(6, 6) }));
    }

    [Test]
    public void Pruning_drops_what_cannot_sit_in_a_dense_enough_block()
    {
        using var world = DetectionWorld.Create(3, 2, [(0, 3, "like"), (0, 4, "like"), (1, 3, "like"), (1, 4, "like"), (2, 3, "like")]);
        var graph = EngagementGraph.Build(world.Graph, world.Input.Accounts, ["like"], weightOffset: 5);

        var search = new FraudarSearch(graph, minDegree: 0, new DenseBlockOptions { MinAccountTargets = 2, MinTargetAccounts = 2 });

        Assert.That(search.NodeCount, Is.EqualTo(4), "a2 engaged one target");
        Assert.That(search.Graph.Labels, Is.EqualTo(new[] { 0, 1, 3, 4 }));
        Assert.That(new FraudarSearch(graph, minDegree: 1.1, Options(absorbShare: 0.5)).NodeCount, Is.Zero, "no node reaches degree 1.1");
    }

    private static DenseBlockOptions Options(double absorbShare) => new() { MinAccountTargets = 1, MinTargetAccounts = 1, AbsorbShare = absorbShare };
}
