using System.Text.Json;
using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class SybilRankTests
{
    private const double Exact = 1e-9;

    private static IEnumerable<string> UndirectedFixtureGraphs() =>
        ReferenceFixture.GraphNames("ranking").Where(name => !ReferenceFixture.Graph("ranking", name).GetProperty("directed").GetBoolean());

    [TestCaseSource(nameof(UndirectedFixtureGraphs))]
    public void Sybilrank_matches_the_reference_loop(string name)
    {
        var json = ReferenceFixture.Graph("ranking", name);
        var edges = json.GetProperty("edges");
        var weighted = edges.GetArrayLength() > 0 && edges[0].GetArrayLength() > 2;
        using var graph = ReferenceFixture.Build(json, new CsrBuildOptions { Undirected = true, Weighted = weighted });
        if (!json.TryGetProperty("sybilrank_seeds", out var seeds))
        {
            Assert.That(SybilRank.Compute(graph, new SybilRankOptions { Seeds = [] }).Scores, Is.Empty);
            return;
        }
        var result = SybilRank.Compute(graph, new SybilRankOptions { Seeds = seeds.EnumerateArray().Select(s => s.GetInt32()).ToList() });
        Assert.That(result.Iterations, Is.EqualTo(json.GetProperty("sybilrank_iterations").GetInt32()));
        Assert.That(result.Trust, Is.EqualTo(Doubles(json, "sybilrank_trust")).Within(Exact));
        Assert.That(result.Scores, Is.EqualTo(Doubles(json, "sybilrank_scores")).Within(Exact));
    }

    [Test]
    public void Honest_nodes_rank_above_sybils_joined_by_few_attack_edges()
    {
        // Honest region: a sparse random social graph. Sybil region: a denser one the attacker controls,
        // tied to the honest region by three attack edges (Cao et al. 2012, section 4).
        const int Honest = 300, Sybils = 100;
        var random = new Random(7);
        var edges = new List<(int, int)>();
        AddRandomRegion(edges, random, 0, Honest, 0.04);
        AddRandomRegion(edges, random, Honest, Sybils, 0.15);
        edges.AddRange([(5, Honest + 1), (77, Honest + 40), (150, Honest + 90)]);
        using var list = EdgeList.From(edges);
        using var graph = CsrGraph.Build(Honest + Sybils, list, new CsrBuildOptions { Undirected = true, MergeDuplicates = true });

        var scores = SybilRank.Compute(graph, new SybilRankOptions { Seeds = [0, 50, 100, 200, 250] }).Scores;

        // The fraction of (honest, sybil) pairs ordered correctly: the ranking's area under the ROC curve.
        var ordered = 0;
        for (var h = 0; h < Honest; h++)
        {
            for (var s = Honest; s < Honest + Sybils; s++)
            {
                ordered += scores[h] > scores[s] ? 1 : 0;
            }
        }
        Assert.That((double)ordered / (Honest * Sybils), Is.GreaterThan(0.95));
        Assert.That(scores.Skip(Honest).Average(), Is.LessThan(0.1 * scores.Take(Honest).Average()));
    }

    [Test]
    public void Trust_is_conserved_and_scales_with_the_total()
    {
        using var graph = Cycle(10);
        var unit = SybilRank.Compute(graph, new SybilRankOptions { Seeds = [0, 3], TotalTrust = 1 });
        var byNodeCount = SybilRank.Compute(graph, new SybilRankOptions { Seeds = [0, 3] });
        Assert.That(unit.Trust.Sum(), Is.EqualTo(1).Within(1e-12));
        Assert.That(byNodeCount.Trust, Is.EqualTo(unit.Trust.Select(t => t * 10)).Within(1e-12));
        Assert.That(byNodeCount.Iterations, Is.EqualTo(4));
    }

    [Test]
    public void With_no_iterations_the_score_is_seed_trust_over_degree()
    {
        using var graph = Cycle(4);
        var result = SybilRank.Compute(graph, new SybilRankOptions { Seeds = [1, 1, 2], Iterations = 0, TotalTrust = 4 });
        Assert.That(result.Scores, Is.EqualTo(new[] { 0, 1.0, 1.0, 0 }));
    }

    [Test]
    public void An_isolated_seed_loses_its_trust_and_isolated_nodes_score_zero()
    {
        using var list = EdgeList.From([(0, 1)]);
        using var graph = CsrGraph.Build(3, list, new CsrBuildOptions { Undirected = true });
        var result = SybilRank.Compute(graph, new SybilRankOptions { Seeds = [0, 2], Iterations = 1, TotalTrust = 2 });
        Assert.That(result.Trust, Is.EqualTo(new[] { 0, 1.0, 0 }));
        Assert.That(result.Scores, Is.EqualTo(new[] { 0, 1.0, 0 }));
    }

    [Test]
    public void Trust_on_a_giant_hub_swings_out_to_its_spokes_and_back()
    {
        var edges = Enumerable.Range(1, 999).Select(v => (0, v)).ToList();
        using var list = EdgeList.From(edges);
        using var graph = CsrGraph.Build(1000, list, new CsrBuildOptions { Undirected = true });
        var once = SybilRank.Compute(graph, new SybilRankOptions { Seeds = [0], Iterations = 1 });
        var twice = SybilRank.Compute(graph, new SybilRankOptions { Seeds = [0], Iterations = 2 });
        Assert.That(once.Scores[0], Is.Zero);
        Assert.That(once.Scores.Skip(1), Is.All.EqualTo(1000.0 / 999).Within(1e-12));
        Assert.That(twice.Trust[0], Is.EqualTo(1000).Within(1e-9));
        Assert.That(twice.Scores[0], Is.EqualTo(1000.0 / 999).Within(1e-12));
    }

    [Test]
    public void Seeds_outside_the_graph_or_none_are_refused()
    {
        using var graph = Cycle(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => SybilRank.Compute(graph, new SybilRankOptions { Seeds = [3] }));
        Assert.Throws<ArgumentException>(() => SybilRank.Compute(graph, new SybilRankOptions { Seeds = [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SybilRank.Compute(graph, new SybilRankOptions { Seeds = [0], TotalTrust = 0 }));
    }

    [Test]
    public void Sybilrank_matches_a_dense_matrix_power_on_random_graphs([Values(1, 2, 3, 4)] int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 60);
        var edges = new List<(int S, int T, float W)>();
        for (var i = random.Next(0, 3 * n); i > 0; i--)
        {
            edges.Add((random.Next(n), random.Next(n), random.Next(1, 5)));
        }
        using var list = new EdgeList();
        edges.ForEach(e => list.Add(e.S, e.T, e.W));
        using var graph = CsrGraph.Build(n, list, new CsrBuildOptions { Undirected = true, Weighted = true });
        var seeds = new[] { random.Next(n), random.Next(n) }.Distinct().ToArray();

        // T_{i+1} = T_i D^-1 A with A symmetric and a self-loop once on the diagonal.
        var a = new double[n, n];
        foreach (var (s, t, w) in edges)
        {
            a[s, t] += w;
            if (s != t)
            {
                a[t, s] += w;
            }
        }
        var degree = Enumerable.Range(0, n).Select(u => Enumerable.Range(0, n).Sum(v => a[u, v])).ToArray();
        var trust = new double[n];
        foreach (var s in seeds)
        {
            trust[s] = (double)n / seeds.Length;
        }
        var iterations = (int)Math.Ceiling(Math.Log2(n));
        for (var i = 0; i < iterations; i++)
        {
            var next = new double[n];
            for (var u = 0; u < n; u++)
            {
                for (var v = 0; v < n; v++)
                {
                    next[v] += degree[u] > 0 ? trust[u] * a[u, v] / degree[u] : 0;
                }
            }
            trust = next;
        }
        var expected = trust.Select((t, v) => degree[v] > 0 ? t / degree[v] : 0).ToArray();

        var result = SybilRank.Compute(graph, new SybilRankOptions { Seeds = seeds });
        Assert.That(result.Trust, Is.EqualTo(trust).Within(Exact));
        Assert.That(result.Scores, Is.EqualTo(expected).Within(Exact));
    }

    private static void AddRandomRegion(List<(int, int)> edges, Random random, int first, int count, double p)
    {
        for (var u = first; u < first + count; u++)
        {
            // A path keeps the region connected; random edges on top make it an expander-like social graph.
            if (u > first)
            {
                edges.Add((u - 1, u));
            }
            for (var v = u + 1; v < first + count; v++)
            {
                if (random.NextDouble() < p)
                {
                    edges.Add((u, v));
                }
            }
        }
    }

    private static CsrGraph Cycle(int n)
    {
        using var list = EdgeList.From(Enumerable.Range(0, n).Select(v => (v, (v + 1) % n)).ToList());
        return CsrGraph.Build(n, list, new CsrBuildOptions { Undirected = true });
    }

    private static double[] Doubles(JsonElement json, string property) =>
        json.GetProperty(property).EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
