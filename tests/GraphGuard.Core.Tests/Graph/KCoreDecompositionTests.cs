using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class KCoreDecompositionTests
{
    private static readonly CsrBuildOptions Simple = new() { Undirected = true, DropSelfLoops = true, MergeDuplicates = true };

    private static IEnumerable<string> UndirectedFixtureGraphs() =>
        ReferenceFixture.GraphNames("structure").Where(name => ReferenceFixture.Graph("structure", name).TryGetProperty("coreness", out _));

    [TestCaseSource(nameof(UndirectedFixtureGraphs))]
    public void Core_numbers_match_igraph(string name)
    {
        var fixture = ReferenceFixture.Graph("structure", name);
        using var g = ReferenceFixture.Build(fixture, Simple);
        var expected = fixture.GetProperty("coreness").EnumerateArray().Select(e => e.GetInt32());
        Assert.That(KCoreDecomposition.Compute(g), Is.EqualTo(expected));
    }

    [Test]
    public void Self_loops_are_ignored_even_when_the_graph_keeps_them()
    {
        var fixture = ReferenceFixture.Graph("structure", "loops_duplicates");
        using var g = ReferenceFixture.Build(fixture, new CsrBuildOptions { Undirected = true, MergeDuplicates = true });
        var expected = fixture.GetProperty("coreness").EnumerateArray().Select(e => e.GetInt32());
        Assert.That(KCoreDecomposition.Compute(g), Is.EqualTo(expected));
    }

    [Test]
    public void Empty_graph_has_no_core_numbers()
    {
        using var g = CsrGraph.Build(0, new EdgeList(), Simple);
        Assert.That(KCoreDecomposition.Compute(g), Is.Empty);
    }

    [Test]
    public void A_clique_with_a_tail_and_an_isolated_node()
    {
        // K5 on 0..4, a path 4-5-6, node 7 alone.
        var pairs = new List<(int, int)> { (4, 5), (5, 6) };
        for (var a = 0; a < 5; a++)
        {
            for (var b = a + 1; b < 5; b++)
            {
                pairs.Add((a, b));
            }
        }
        using var edges = EdgeList.From(pairs);
        using var g = CsrGraph.Build(8, edges, Simple);
        Assert.That(KCoreDecomposition.Compute(g), Is.EqualTo(new[] { 4, 4, 4, 4, 4, 1, 1, 0 }));
    }

    [Test]
    public void A_giant_hub_over_leaves_is_a_one_core()
    {
        using var edges = EdgeList.From(Enumerable.Range(1, 9999).Select(v => (0, v)).ToList());
        using var g = CsrGraph.Build(10_000, edges, Simple);
        Assert.That(KCoreDecomposition.Compute(g), Is.All.EqualTo(1));
    }

    [TestCase(1, 40, 0.1)]
    [TestCase(2, 80, 0.2)]
    [TestCase(3, 120, 0.05)]
    [TestCase(4, 60, 0.5)]
    public void Core_numbers_match_naive_peeling_on_random_graphs(int seed, int n, double p)
    {
        var adjacency = DenseGraphs.Random(seed, n, p);
        using var g = DenseGraphs.ToUndirected(adjacency);
        Assert.That(KCoreDecomposition.Compute(g), Is.EqualTo(NaiveCoreNumbers(adjacency)));
    }

    // For each k, repeatedly delete nodes of degree below k; the survivors form the k-core.
    private static int[] NaiveCoreNumbers(bool[,] adjacency)
    {
        var n = adjacency.GetLength(0);
        var core = new int[n];
        for (var k = 1; k < n; k++)
        {
            var alive = Enumerable.Repeat(true, n).ToArray();
            bool removed;
            do
            {
                removed = false;
                for (var v = 0; v < n; v++)
                {
                    if (alive[v] && Enumerable.Range(0, n).Count(u => alive[u] && adjacency[v, u]) < k)
                    {
                        alive[v] = false;
                        removed = true;
                    }
                }
            } while (removed);
            if (!alive.Contains(true))
            {
                break;
            }
            for (var v = 0; v < n; v++)
            {
                if (alive[v])
                {
                    core[v] = k;
                }
            }
        }
        return core;
    }
}
