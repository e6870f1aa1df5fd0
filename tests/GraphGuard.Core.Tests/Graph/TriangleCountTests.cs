using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class TriangleCountTests
{
    private static readonly CsrBuildOptions Simple = new() { Undirected = true, DropSelfLoops = true, MergeDuplicates = true };

    private static IEnumerable<string> UndirectedFixtureGraphs() =>
        ReferenceFixture.GraphNames("structure").Where(name => ReferenceFixture.Graph("structure", name).TryGetProperty("triangles", out _));

    [TestCaseSource(nameof(UndirectedFixtureGraphs))]
    public void Triangle_counts_match_igraph(string name)
    {
        var fixture = ReferenceFixture.Graph("structure", name);
        using var g = ReferenceFixture.Build(fixture, Simple);
        var result = TriangleCount.Compute(g);
        Assert.Multiple(() =>
        {
            Assert.That(result.PerNode, Is.EqualTo(fixture.GetProperty("triangles").EnumerateArray().Select(e => e.GetInt64())));
            Assert.That(result.Total, Is.EqualTo(fixture.GetProperty("total_triangles").GetInt64()));
        });
    }

    [TestCaseSource(nameof(UndirectedFixtureGraphs))]
    public void Local_clustering_matches_igraph_with_zero_below_degree_two(string name)
    {
        var fixture = ReferenceFixture.Graph("structure", name);
        using var g = ReferenceFixture.Build(fixture, Simple);
        var expected = fixture.GetProperty("clustering").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.That(TriangleCount.Compute(g).LocalClustering, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Self_loops_are_ignored_even_when_the_graph_keeps_them()
    {
        var fixture = ReferenceFixture.Graph("structure", "loops_duplicates");
        using var g = ReferenceFixture.Build(fixture, new CsrBuildOptions { Undirected = true, MergeDuplicates = true });
        var result = TriangleCount.Compute(g);
        var expected = fixture.GetProperty("clustering").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(result.PerNode, Is.EqualTo(fixture.GetProperty("triangles").EnumerateArray().Select(e => e.GetInt64())));
            Assert.That(result.LocalClustering, Is.EqualTo(expected).Within(1e-12));
        });
    }

    [Test]
    public void Empty_graph_has_no_triangles()
    {
        using var g = CsrGraph.Build(0, new EdgeList(), Simple);
        var result = TriangleCount.Compute(g);
        Assert.Multiple(() =>
        {
            Assert.That(result.Total, Is.Zero);
            Assert.That(result.PerNode, Is.Empty);
            Assert.That(result.LocalClustering, Is.Empty);
        });
    }

    [Test]
    public void Every_node_of_a_clique_closes_all_its_triangles()
    {
        const int N = 30;
        var pairs = Enumerable.Range(0, N).SelectMany(a => Enumerable.Range(a + 1, N - a - 1).Select(b => (a, b))).ToList();
        using var edges = EdgeList.From(pairs);
        using var g = CsrGraph.Build(N, edges, Simple);
        var result = TriangleCount.Compute(g);
        Assert.Multiple(() =>
        {
            Assert.That(result.PerNode, Is.All.EqualTo((N - 1) * (N - 2) / 2));
            Assert.That(result.Total, Is.EqualTo(N * (N - 1) * (N - 2) / 6));
            Assert.That(result.LocalClustering, Is.All.EqualTo(1.0).Within(1e-12));
        });
    }

    [Test]
    public void A_giant_hub_over_a_ring_closes_one_triangle_per_ring_edge()
    {
        // A wheel: hub 0 tied to every node of the ring 1..n-1.
        const int N = 20_001;
        var pairs = Enumerable.Range(1, N - 1).SelectMany(v => new[] { (0, v), (v, v % (N - 1) + 1) }).ToList();
        using var edges = EdgeList.From(pairs);
        using var g = CsrGraph.Build(N, edges, Simple);
        var result = TriangleCount.Compute(g);
        Assert.Multiple(() =>
        {
            Assert.That(result.Total, Is.EqualTo(N - 1));
            Assert.That(result.PerNode[0], Is.EqualTo(N - 1));
            Assert.That(result.PerNode.Skip(1), Is.All.EqualTo(2));
            Assert.That(result.LocalClustering[1], Is.EqualTo(2.0 / 3).Within(1e-12));
        });
    }

    [TestCase(1, 30, 0.3)]
    [TestCase(2, 60, 0.1)]
    [TestCase(3, 50, 0.7)]
    public void Triangle_counts_match_a_dense_triple_loop_on_random_graphs(int seed, int n, double p)
    {
        var adjacency = DenseGraphs.Random(seed, n, p);
        using var g = DenseGraphs.ToUndirected(adjacency);
        var expected = new long[n];
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                for (var c = b + 1; c < n; c++)
                {
                    if (adjacency[a, b] && adjacency[b, c] && adjacency[a, c])
                    {
                        expected[a]++;
                        expected[b]++;
                        expected[c]++;
                    }
                }
            }
        }
        var result = TriangleCount.Compute(g);
        Assert.Multiple(() =>
        {
            Assert.That(result.PerNode, Is.EqualTo(expected));
            Assert.That(result.Total, Is.EqualTo(expected.Sum() / 3));
        });
    }
}
