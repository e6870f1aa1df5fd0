using System.Text.Json;
using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class NeighborSimilarityTests
{
    private const double Exact = 1e-9;

    private static IEnumerable<string> SimilarityFixtureGraphs() =>
        ReferenceFixture.GraphNames("ranking").Where(name => ReferenceFixture.Graph("ranking", name).TryGetProperty("k", out _));

    [TestCaseSource(nameof(SimilarityFixtureGraphs))]
    public void Top_k_jaccard_and_adamic_adar_match_networkx(string name)
    {
        var json = ReferenceFixture.Graph("ranking", name);
        using var graph = ReferenceFixture.Build(json, new CsrBuildOptions { Undirected = true });
        var k = json.GetProperty("k").GetInt32();
        var result = NeighborSimilarity.Compute(graph, new NeighborSimilarityOptions { K = k });

        var jaccardIds = json.GetProperty("jaccard_ids");
        var jaccardScores = json.GetProperty("jaccard_scores");
        var adamicAdarIds = json.GetProperty("adamic_adar_ids");
        var adamicAdarScores = json.GetProperty("adamic_adar_scores");
        var candidates = json.GetProperty("candidate_counts");
        for (var u = 0; u < graph.NodeCount; u++)
        {
            Assert.That(result.JaccardNeighbors(u).ToArray(), Is.EqualTo(Ints(jaccardIds[u])), $"Jaccard neighbours of {u}");
            Assert.That(result.JaccardScores(u).ToArray(), Is.EqualTo(Doubles(jaccardScores[u])).Within(Exact), $"Jaccard of {u}");
            Assert.That(result.AdamicAdarNeighbors(u).ToArray(), Is.EqualTo(Ints(adamicAdarIds[u])), $"Adamic-Adar neighbours of {u}");
            Assert.That(result.AdamicAdarScores(u).ToArray(), Is.EqualTo(Doubles(adamicAdarScores[u])).Within(Exact), $"Adamic-Adar of {u}");
            Assert.That(result.CandidateCount(u), Is.EqualTo(candidates[u].GetInt32()), $"candidates of {u}");
        }
    }

    [Test]
    public void Self_loops_and_duplicate_edges_do_not_change_similarity()
    {
        var edges = new List<(int, int)> { (0, 1), (1, 2), (2, 3), (3, 0), (0, 2), (4, 2) };
        using var simple = Build(5, edges);
        using var messy = Build(5, [.. edges, (0, 1), (2, 1), (1, 1), (4, 4), (3, 0)]);
        var expected = NeighborSimilarity.Compute(simple, new NeighborSimilarityOptions { K = 3 });
        var actual = NeighborSimilarity.Compute(messy, new NeighborSimilarityOptions { K = 3 });
        for (var u = 0; u < 5; u++)
        {
            Assert.That(actual.JaccardNeighbors(u).ToArray(), Is.EqualTo(expected.JaccardNeighbors(u).ToArray()));
            Assert.That(actual.JaccardScores(u).ToArray(), Is.EqualTo(expected.JaccardScores(u).ToArray()));
            Assert.That(actual.AdamicAdarScores(u).ToArray(), Is.EqualTo(expected.AdamicAdarScores(u).ToArray()));
        }
    }

    [Test]
    public void Similarity_of_the_empty_graph_is_empty()
    {
        using var graph = CsrGraph.Build(0, new EdgeList(), new CsrBuildOptions { Undirected = true });
        Assert.That(NeighborSimilarity.Compute(graph).NodeCount, Is.Zero);
    }

    [Test]
    public void Spokes_of_a_giant_hub_are_all_alike_until_the_hub_is_capped()
    {
        var edges = Enumerable.Range(1, 999).Select(v => (0, v)).Append((1, 2)).ToList();
        using var graph = Build(1000, edges);
        var uncapped = NeighborSimilarity.Compute(graph, new NeighborSimilarityOptions { K = 3 });
        // Spoke 5 shares only the hub with every other spoke: ties break to the lowest ids.
        Assert.That(uncapped.JaccardNeighbors(5).ToArray(), Is.EqualTo(new[] { 3, 4, 6 }));
        Assert.That(uncapped.JaccardScores(5)[0], Is.EqualTo(1.0));
        Assert.That(uncapped.JaccardNeighbors(1).ToArray(), Is.EqualTo(new[] { 3, 4, 5 }));
        Assert.That(uncapped.JaccardScores(1)[0], Is.EqualTo(1.0 / 2));
        // For Adamic-Adar the low-degree common neighbour 2 makes the hub 0 node 1's best match.
        Assert.That(uncapped.AdamicAdarNeighbors(1).ToArray(), Is.EqualTo(new[] { 0, 2, 3 }));
        Assert.That(uncapped.AdamicAdarScores(1).ToArray(), Is.EqualTo(new[] { 1 / Math.Log(2), 1 / Math.Log(999), 1 / Math.Log(999) }));
        Assert.That(uncapped.CandidateCount(5), Is.EqualTo(998));
        Assert.That(uncapped.Features(5), Is.EqualTo(new NeighborSimilarityFeatures(1, 1, 1 / Math.Log(999), 1 / Math.Log(999), 998)));

        var capped = NeighborSimilarity.Compute(graph, new NeighborSimilarityOptions { K = 3, HubDegreeCap = 100 });
        Assert.That(capped.JaccardNeighbors(5).ToArray(), Is.Empty);
        Assert.That(capped.Features(5), Is.EqualTo(default(NeighborSimilarityFeatures)));
        // 1 and 2 share the hub (skipped) and each other's edge, so 0 is their only common-neighbour candidate.
        Assert.That(capped.JaccardNeighbors(1).ToArray(), Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void Features_summarize_the_top_k()
    {
        // A square 0-1-2-3 with diagonal 1-3: node 0's candidates are 1 and 3 (via each other) and 2.
        using var graph = Build(4, [(0, 1), (1, 2), (2, 3), (3, 0), (1, 3)]);
        var result = NeighborSimilarity.Compute(graph, new NeighborSimilarityOptions { K = 2 });
        var features = result.Features(0);
        var jaccard = result.JaccardScores(0);
        Assert.That(features.MaxJaccard, Is.EqualTo(jaccard[0]));
        Assert.That(features.MeanTopJaccard, Is.EqualTo((jaccard[0] + jaccard[1]) / 2));
        Assert.That(features.Candidates, Is.EqualTo(3));
        Assert.That(result.JaccardNeighbors(0).ToArray(), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(jaccard[0], Is.EqualTo(1.0));
    }

    [Test]
    public void Similarity_matches_a_naive_all_pairs_reference_on_random_graphs([Values(1, 2, 3, 4, 5)] int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 120);
        var edges = new List<(int, int)>();
        for (var i = random.Next(0, 4 * n); i > 0; i--)
        {
            edges.Add((random.Next(n), random.Next(n)));
        }
        using var graph = Build(n, edges);
        const int K = 3;
        var result = NeighborSimilarity.Compute(graph, new NeighborSimilarityOptions { K = K });

        var neighbors = Enumerable.Range(0, n).Select(_ => new HashSet<int>()).ToArray();
        foreach (var (s, t) in edges.Where(e => e.Item1 != e.Item2))
        {
            neighbors[s].Add(t);
            neighbors[t].Add(s);
        }
        for (var u = 0; u < n; u++)
        {
            var scored = Enumerable.Range(0, n)
                .Where(v => v != u)
                .Select(v => (V: v, Common: neighbors[u].Intersect(neighbors[v]).Order().ToList()))
                .Where(p => p.Common.Count > 0)
                .Select(p => (p.V,
                    Jaccard: (double)p.Common.Count / neighbors[u].Union(neighbors[p.V]).Count(),
                    AdamicAdar: p.Common.Aggregate(0.0, (sum, w) => sum + 1 / Math.Log(neighbors[w].Count))))
                .ToList();
            var byJaccard = scored.OrderByDescending(p => p.Jaccard).ThenBy(p => p.V).Take(K).ToList();
            var byAdamicAdar = scored.OrderByDescending(p => p.AdamicAdar).ThenBy(p => p.V).Take(K).ToList();
            Assert.That(result.JaccardNeighbors(u).ToArray(), Is.EqualTo(byJaccard.Select(p => p.V)));
            Assert.That(result.JaccardScores(u).ToArray(), Is.EqualTo(byJaccard.Select(p => p.Jaccard)).Within(Exact));
            Assert.That(result.AdamicAdarNeighbors(u).ToArray(), Is.EqualTo(byAdamicAdar.Select(p => p.V)));
            Assert.That(result.AdamicAdarScores(u).ToArray(), Is.EqualTo(byAdamicAdar.Select(p => p.AdamicAdar)).Within(Exact));
            Assert.That(result.CandidateCount(u), Is.EqualTo(scored.Count));
        }
    }

    private static CsrGraph Build(int n, List<(int, int)> edges)
    {
        using var list = EdgeList.From(edges);
        return CsrGraph.Build(n, list, new CsrBuildOptions { Undirected = true });
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
