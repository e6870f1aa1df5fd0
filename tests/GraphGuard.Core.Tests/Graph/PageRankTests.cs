using System.Text.Json;
using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class PageRankTests
{
    private const double IgraphTolerance = 1e-6;

    private static IEnumerable<string> FixtureGraphs() => ReferenceFixture.GraphNames("ranking");

    [TestCaseSource(nameof(FixtureGraphs))]
    public void Pagerank_matches_igraph(string name)
    {
        var (json, graph, options) = Load(name);
        using (graph)
        {
            var result = PageRank.Compute(graph, options);
            Assert.That(result.Converged, Is.True);
            Assert.That(L1(result.Scores, Doubles(json, "pagerank")), Is.LessThan(IgraphTolerance));
        }
    }

    [TestCaseSource(nameof(FixtureGraphs))]
    public void Personalized_pagerank_from_seeds_matches_igraph(string name)
    {
        var (json, graph, options) = Load(name);
        using (graph)
        {
            if (!json.TryGetProperty("ppr_seeds", out var seeds))
            {
                Assert.That(graph.NodeCount, Is.Zero);
                return;
            }
            var result = PageRank.Compute(graph, options with { Seeds = seeds.EnumerateArray().Select(s => s.GetInt32()).ToList() });
            Assert.That(L1(result.Scores, Doubles(json, "personalized_pagerank")), Is.LessThan(IgraphTolerance));
        }
    }

    [TestCaseSource(nameof(FixtureGraphs))]
    public void Personalized_pagerank_from_a_restart_vector_matches_igraph(string name)
    {
        var (json, graph, options) = Load(name);
        using (graph)
        {
            if (!json.TryGetProperty("personalized_pagerank_vector", out var expected))
            {
                Assert.That(graph.NodeCount, Is.LessThanOrEqualTo(1));
                return;
            }
            var restart = Enumerable.Range(0, graph.NodeCount).Select(v => (double)(v % 4)).ToList();
            var result = PageRank.Compute(graph, options with { Restart = restart });
            Assert.That(L1(result.Scores, expected.EnumerateArray().Select(x => x.GetDouble()).ToArray()), Is.LessThan(IgraphTolerance));
        }
    }

    [Test]
    public void Pagerank_of_the_empty_graph_is_empty()
    {
        using var graph = CsrGraph.Build(0, new EdgeList(), new CsrBuildOptions());
        var result = PageRank.Compute(graph);
        Assert.That(result.Scores, Is.Empty);
        Assert.That(result.Converged, Is.True);
    }

    [Test]
    public void Pagerank_of_a_graph_without_edges_is_uniform()
    {
        using var graph = CsrGraph.Build(4, new EdgeList(), new CsrBuildOptions());
        Assert.That(PageRank.Compute(graph).Scores, Is.EqualTo(new[] { 0.25, 0.25, 0.25, 0.25 }).Within(1e-12));
    }

    [Test]
    public void A_node_whose_out_edges_all_weigh_zero_is_dangling()
    {
        using var zero = Build(3, [(0, 1, 1f), (1, 2, 0f)], weighted: true);
        using var cut = Build(3, [(0, 1, 1f)], weighted: true);
        Assert.That(PageRank.Compute(zero).Scores, Is.EqualTo(PageRank.Compute(cut).Scores).Within(1e-12));
    }

    [Test]
    public void Duplicate_edges_weigh_as_much_as_one_edge_of_their_summed_weight()
    {
        using var repeated = Build(3, [(0, 1, 1f), (0, 1, 1f), (0, 2, 1f), (2, 0, 1f)], weighted: false);
        using var merged = Build(3, [(0, 1, 2f), (0, 2, 1f), (2, 0, 1f)], weighted: true);
        Assert.That(PageRank.Compute(repeated).Scores, Is.EqualTo(PageRank.Compute(merged).Scores).Within(1e-12));
    }

    [Test]
    public void A_giant_hub_collects_most_of_the_rank_of_its_spokes()
    {
        var edges = Enumerable.Range(1, 999).Select(v => (v, 0, 1f)).ToList();
        using var graph = Build(1000, edges, weighted: false);
        var scores = PageRank.Compute(graph).Scores;
        Assert.That(scores[0], Is.GreaterThan(0.4));
        Assert.That(scores.Sum(), Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void Invalid_options_are_refused()
    {
        using var graph = Build(3, [(0, 1, 1f)], weighted: false);
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRank.Compute(graph, new PageRankOptions { Damping = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRank.Compute(graph, new PageRankOptions { Seeds = [3] }));
        Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions { Restart = [0, 0, 0] }));
        Assert.Throws<ArgumentException>(() => PageRank.Compute(graph, new PageRankOptions { Seeds = [0], Restart = [1, 1, 1] }));
        using var negative = Build(2, [(0, 1, -1f)], weighted: true);
        Assert.Throws<ArgumentException>(() => PageRank.Compute(negative));
    }

    [Test]
    public void Pagerank_matches_a_dense_power_iteration_on_random_graphs([Values(1, 2, 3, 4, 5, 6)] int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 80);
        var directed = seed % 2 == 0;
        var edges = new List<(int, int, float)>();
        for (var i = random.Next(0, 4 * n); i > 0; i--)
        {
            edges.Add((random.Next(n), random.Next(n), random.Next(1, 4)));
        }
        using var graph = Build(n, edges, weighted: true, undirected: !directed);
        var seeds = Enumerable.Range(0, 3).Select(_ => random.Next(n)).ToList();
        var options = new PageRankOptions { Undirected = !directed, Tolerance = 1e-13, Seeds = seed > 2 ? seeds : null };
        var restart = new double[n];
        if (seed > 2)
        {
            seeds.ForEach(s => restart[s] = 1);
        }
        else
        {
            Array.Fill(restart, 1);
        }
        Assert.That(L1(PageRank.Compute(graph, options).Scores, DensePageRank(n, edges, directed, restart)), Is.LessThan(1e-10));
    }

    /// <summary>
    /// Textbook PageRank on a dense transition matrix: an undirected edge goes both ways and an undirected
    /// self-loop twice (igraph's degree convention); dangling mass and teleports follow the restart vector.
    /// </summary>
    private static double[] DensePageRank(int n, List<(int S, int T, float W)> edges, bool directed, double[] restart)
    {
        var matrix = new double[n, n];
        foreach (var (s, t, w) in edges)
        {
            matrix[s, t] += w;
            if (!directed)
            {
                matrix[t, s] += w;
            }
        }
        var total = restart.Sum();
        var p = restart.Select(r => r / total).ToArray();
        var x = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var next = p.Select(r => r * 0.15).ToArray();
            for (var u = 0; u < n; u++)
            {
                var outWeight = Enumerable.Range(0, n).Sum(v => matrix[u, v]);
                for (var v = 0; v < n; v++)
                {
                    next[v] += 0.85 * x[u] * (outWeight == 0 ? p[v] : matrix[u, v] / outWeight);
                }
            }
            x = next;
        }
        return x;
    }

    private static (JsonElement Json, CsrGraph Graph, PageRankOptions Options) Load(string name)
    {
        var json = ReferenceFixture.Graph("ranking", name);
        var directed = json.GetProperty("directed").GetBoolean();
        var edges = json.GetProperty("edges");
        var weighted = edges.GetArrayLength() > 0 && edges[0].GetArrayLength() > 2;
        var graph = ReferenceFixture.Build(json, new CsrBuildOptions { Undirected = !directed, Weighted = weighted });
        return (json, graph, new PageRankOptions { Undirected = !directed });
    }

    private static CsrGraph Build(int n, List<(int S, int T, float W)> edges, bool weighted, bool undirected = false)
    {
        using var list = new EdgeList();
        foreach (var (s, t, w) in edges)
        {
            list.Add(s, t, w);
        }
        return CsrGraph.Build(n, list, new CsrBuildOptions { Weighted = weighted, Undirected = undirected });
    }

    private static double[] Doubles(JsonElement json, string property) =>
        json.GetProperty(property).EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static double L1(double[] actual, double[] expected)
    {
        Assert.That(actual, Has.Length.EqualTo(expected.Length));
        return actual.Zip(expected, (a, e) => Math.Abs(a - e)).Sum();
    }
}
