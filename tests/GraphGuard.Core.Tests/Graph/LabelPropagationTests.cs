using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class LabelPropagationTests
{
    private static readonly CsrBuildOptions Simple = new() { Undirected = true, DropSelfLoops = true, MergeDuplicates = true };

    private static IEnumerable<string> UndirectedFixtureGraphs() =>
        ReferenceFixture.GraphNames("structure").Where(name => ReferenceFixture.Graph("structure", name).TryGetProperty("coreness", out _));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Planted_blocks_are_recovered(int seed)
    {
        const int Blocks = 4, Size = 50;
        using var g = PlantedPartition(seed, Blocks, Size, pIn: 0.3, pOut: 0.005);
        var result = LabelPropagation.Compute(g, new LabelPropagationOptions { Seed = seed });
        Assert.Multiple(() =>
        {
            Assert.That(result.Converged, Is.True);
            Assert.That(result.CommunityCount, Is.EqualTo(Blocks));
            for (var v = 0; v < Blocks * Size; v++)
            {
                Assert.That(result.Membership[v], Is.EqualTo(result.Membership[v / Size * Size]), $"node {v}");
            }
        });
    }

    [Test]
    public void Weights_decide_between_otherwise_equal_neighbours()
    {
        // Two 6-cliques joined completely, but the links between them are light: as an unweighted graph
        // it is one clique of 12, with weights it is two communities.
        const int Size = 6;
        using var edges = new EdgeList();
        for (var a = 0; a < 2 * Size; a++)
        {
            for (var b = a + 1; b < 2 * Size; b++)
            {
                edges.Add(a, b, a / Size == b / Size ? 1f : 0.05f);
            }
        }
        using var g = CsrGraph.Build(2 * Size, edges, Simple with { Weighted = true });
        var result = LabelPropagation.Compute(g, new LabelPropagationOptions { Seed = 7 });
        Assert.That(result.Membership, Is.EqualTo(new[] { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 }));
    }

    [TestCaseSource(nameof(UndirectedFixtureGraphs))]
    public void Every_community_is_connected_and_numbered_by_its_smallest_node(string name)
    {
        using var g = ReferenceFixture.Build(ReferenceFixture.Graph("structure", name), Simple);
        var result = LabelPropagation.Compute(g, new LabelPropagationOptions { Seed = 3 });
        var membership = result.Membership;
        // A community is connected when a search from its first node, staying inside it, reaches all of it.
        var reached = new bool[g.NodeCount];
        var next = 0;
        for (var start = 0; start < g.NodeCount; start++)
        {
            if (reached[start])
            {
                continue;
            }
            Assert.That(membership[start], Is.EqualTo(next++), $"community of node {start}");
            var stack = new Stack<int>([start]);
            reached[start] = true;
            while (stack.TryPop(out var v))
            {
                foreach (var u in g.Neighbors(v))
                {
                    if (!reached[u] && membership[u] == membership[start])
                    {
                        reached[u] = true;
                        stack.Push(u);
                    }
                }
            }
        }
        Assert.That(next, Is.EqualTo(result.CommunityCount));
    }

    [Test]
    public void The_same_seed_gives_the_same_communities()
    {
        using var g = ReferenceFixture.Build(ReferenceFixture.Graph("structure", "er_2000"), Simple);
        var first = LabelPropagation.Compute(g, new LabelPropagationOptions { Seed = 11 });
        var second = LabelPropagation.Compute(g, new LabelPropagationOptions { Seed = 11 });
        Assert.Multiple(() =>
        {
            Assert.That(second.Membership, Is.EqualTo(first.Membership));
            Assert.That(second.Iterations, Is.EqualTo(first.Iterations));
        });
    }

    [Test]
    public void Isolated_nodes_and_self_loops_keep_their_own_community()
    {
        using var edges = EdgeList.From([(0, 1), (1, 2), (0, 2), (3, 3)]);
        using var g = CsrGraph.Build(5, edges, new CsrBuildOptions { Undirected = true });
        var result = LabelPropagation.Compute(g);
        Assert.Multiple(() =>
        {
            Assert.That(result.Membership, Is.EqualTo(new[] { 0, 0, 0, 1, 2 }));
            Assert.That(result.CommunityCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void Empty_graph_has_no_communities()
    {
        using var g = CsrGraph.Build(0, new EdgeList(), Simple);
        var result = LabelPropagation.Compute(g);
        Assert.Multiple(() =>
        {
            Assert.That(result.Membership, Is.Empty);
            Assert.That(result.CommunityCount, Is.Zero);
            Assert.That(result.Converged, Is.True);
        });
    }

    [Test]
    public void Iterations_stop_at_the_maximum()
    {
        using var g = PlantedPartition(5, 4, 50, pIn: 0.3, pOut: 0.005);
        var result = LabelPropagation.Compute(g, new LabelPropagationOptions { MaxIterations = 1 });
        Assert.Multiple(() =>
        {
            Assert.That(result.Iterations, Is.EqualTo(1));
            Assert.That(result.Converged, Is.False);
        });
    }

    [Test]
    public void A_giant_hub_over_leaves_becomes_one_community()
    {
        using var edges = EdgeList.From(Enumerable.Range(1, 9999).Select(v => (0, v)).ToList());
        using var g = CsrGraph.Build(10_000, edges, Simple);
        Assert.That(LabelPropagation.Compute(g).CommunityCount, Is.EqualTo(1));
    }

    // Blocks of nodes, dense inside (pIn) and sparse between (pOut), nodes numbered block by block.
    private static CsrGraph PlantedPartition(int seed, int blocks, int size, double pIn, double pOut)
    {
        var random = new Random(seed);
        using var edges = new EdgeList();
        var n = blocks * size;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (random.NextDouble() < (a / size == b / size ? pIn : pOut))
                {
                    edges.Add(a, b);
                }
            }
        }
        return CsrGraph.Build(n, edges, Simple);
    }
}
