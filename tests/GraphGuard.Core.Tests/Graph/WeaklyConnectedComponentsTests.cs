using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class WeaklyConnectedComponentsTests
{
    private static IEnumerable<string> FixtureGraphs() => ReferenceFixture.GraphNames("structure");

    private static int[] Expected(string name) =>
        ReferenceFixture.Graph("structure", name).GetProperty("components").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static bool IsDirected(string name) => ReferenceFixture.Graph("structure", name).TryGetProperty("directed", out _);

    [TestCaseSource(nameof(FixtureGraphs))]
    public void Components_match_igraph_on_out_edges(string name)
    {
        using var g = ReferenceFixture.Build(ReferenceFixture.Graph("structure", name), new CsrBuildOptions());
        Assert.That(WeaklyConnectedComponents.Compute(g), Is.EqualTo(Expected(name)));
    }

    [TestCaseSource(nameof(FixtureGraphs))]
    public void Components_match_igraph_on_symmetric_graphs_with_the_largest_component_skipped(string name)
    {
        using var g = ReferenceFixture.Build(ReferenceFixture.Graph("structure", name), new CsrBuildOptions { Undirected = true });
        Assert.That(WeaklyConnectedComponents.Compute(g, symmetric: true), Is.EqualTo(Expected(name)));
    }

    [Test]
    public void Sizes_and_count_follow_from_the_labels()
    {
        using var g = ReferenceFixture.Build(ReferenceFixture.Graph("structure", "components"), new CsrBuildOptions { Undirected = true });
        var labels = WeaklyConnectedComponents.Compute(g, symmetric: true);
        var sizes = WeaklyConnectedComponents.Sizes(labels);
        Assert.Multiple(() =>
        {
            Assert.That(WeaklyConnectedComponents.Count(labels), Is.EqualTo(14));
            Assert.That(sizes.Sum(), Is.EqualTo(g.NodeCount));
            Assert.That(sizes.Max(), Is.EqualTo(55));
            Assert.That(sizes[labels[0]], Is.EqualTo(1));
        });
    }

    [Test]
    public void Empty_graph_has_no_components()
    {
        using var g = CsrGraph.Build(0, new EdgeList(), new CsrBuildOptions());
        Assert.That(WeaklyConnectedComponents.Compute(g, symmetric: true), Is.Empty);
    }

    [Test]
    public void Self_loops_and_duplicate_edges_change_nothing()
    {
        using var edges = EdgeList.From([(0, 0), (2, 1), (2, 1), (1, 2), (3, 3), (4, 2)]);
        using var g = CsrGraph.Build(5, edges, new CsrBuildOptions());
        Assert.That(WeaklyConnectedComponents.Compute(g), Is.EqualTo(new[] { 0, 1, 1, 3, 1 }));
    }

    [Test]
    public void Edge_direction_is_ignored()
    {
        // Only the highest node has out-edges: every edge points into the rest.
        using var edges = EdgeList.From([(4, 0), (4, 3), (2, 1)]);
        using var g = CsrGraph.Build(5, edges, new CsrBuildOptions());
        Assert.That(WeaklyConnectedComponents.Compute(g), Is.EqualTo(new[] { 0, 1, 1, 0, 0 }));
    }

    [TestCase(1, false)]
    [TestCase(2, true)]
    [TestCase(3, false)]
    public void Components_match_breadth_first_search_on_large_random_graphs(int seed, bool undirected)
    {
        // Near the percolation threshold: one big component, many small ones, many isolated nodes,
        // and enough parallel unions racing on shared roots to shake out concurrency bugs.
        const int N = 200_000;
        var random = new Random(seed);
        using var edges = new EdgeList();
        for (var i = 0; i < N * 6 / 10; i++)
        {
            edges.Add(random.Next(N), random.Next(N));
        }
        using var g = CsrGraph.Build(N, edges, new CsrBuildOptions { Undirected = undirected });
        Assert.That(WeaklyConnectedComponents.Compute(g, symmetric: undirected), Is.EqualTo(BreadthFirstLabels(g)));
    }

    private static int[] BreadthFirstLabels(CsrGraph directed)
    {
        var n = directed.NodeCount;
        var adjacency = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (var v = 0; v < n; v++)
        {
            foreach (var u in directed.Neighbors(v))
            {
                adjacency[v].Add(u);
                adjacency[u].Add(v);
            }
        }
        var labels = Enumerable.Repeat(-1, n).ToArray();
        for (var start = 0; start < n; start++)
        {
            if (labels[start] >= 0)
            {
                continue;
            }
            labels[start] = start;
            var queue = new Queue<int>([start]);
            while (queue.TryDequeue(out var v))
            {
                foreach (var u in adjacency[v].Where(u => labels[u] < 0))
                {
                    labels[u] = start;
                    queue.Enqueue(u);
                }
            }
        }
        return labels;
    }
}
