using System.Text.Json;
using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class LouvainTests
{
    private const string Topic = "communities";

    private static IEnumerable<string> GraphNames() => ReferenceFixture.GraphNames(Topic);

    private static readonly CsrBuildOptions Merged = new() { Undirected = true, Weighted = true, MergeDuplicates = true };

    [TestCaseSource(nameof(GraphNames))]
    public void Modularity_is_at_most_one_percent_below_igraph_multilevel(string name)
    {
        var fixture = ReferenceFixture.Graph(Topic, name);
        using var graph = ReferenceFixture.Build(fixture, Merged);

        var result = Louvain.Run(graph);

        AssertAtLeastIgraph(result.Modularity, fixture.GetProperty("multilevel_modularity"));
        AssertWellFormed(graph, result);
    }

    [TestCaseSource(nameof(GraphNames))]
    public void Modularity_at_resolution_two_is_at_most_one_percent_below_igraph_multilevel(string name)
    {
        var fixture = ReferenceFixture.Graph(Topic, name);
        using var graph = ReferenceFixture.Build(fixture, Merged);

        var result = Louvain.Run(graph, new LouvainOptions { Resolution = 2.0 });

        AssertAtLeastIgraph(result.Modularity, fixture.GetProperty("multilevel_resolution_2_modularity"));
        AssertWellFormed(graph, result, 2.0);
    }

    [TestCaseSource(nameof(GraphNames))]
    public void Same_seed_gives_the_same_communities(string name)
    {
        var fixture = ReferenceFixture.Graph(Topic, name);
        using var graph = ReferenceFixture.Build(fixture, Merged);

        var first = Louvain.Run(graph, new LouvainOptions { Seed = 7 });
        var second = Louvain.Run(graph, new LouvainOptions { Seed = 7 });

        Assert.That(second.Membership, Is.EqualTo(first.Membership));
        Assert.That(second.Levels, Is.EqualTo(first.Levels));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Planted_partition_is_recovered(int seed)
    {
        var fixture = ReferenceFixture.Graph(Topic, "planted");
        using var graph = ReferenceFixture.Build(fixture, Merged);

        var result = Louvain.Run(graph, new LouvainOptions { Seed = seed });

        Assert.That(result.Membership, Is.EqualTo(ModularityTests.Ints(fixture.GetProperty("planted_membership"))));
    }

    [Test]
    public void Larger_planted_partition_is_recovered()
    {
        const int Groups = 20, Size = 100;
        var random = new Random(3);
        using var edges = new EdgeList();
        for (var u = 0; u < Groups * Size; u++)
        {
            for (var v = u + 1; v < Groups * Size; v++)
            {
                if (random.NextDouble() < (u / Size == v / Size ? 0.15 : 0.002))
                {
                    edges.Add(u, v);
                }
            }
        }
        using var graph = CsrGraph.Build(Groups * Size, edges, Merged);

        var result = Louvain.Run(graph);

        Assert.That(result.Membership, Is.EqualTo(Enumerable.Range(0, Groups * Size).Select(v => v / Size)));
    }

    [Test]
    public void Self_loops_and_repeated_edges_give_the_same_communities_merged_or_not()
    {
        var fixture = ReferenceFixture.Graph(Topic, "weighted_multi");
        using var raw = ReferenceFixture.Build(fixture, Merged with { MergeDuplicates = false });
        using var merged = ReferenceFixture.Build(fixture, Merged);

        var fromRaw = Louvain.Run(raw);
        var fromMerged = Louvain.Run(merged);

        Assert.That(fromRaw.Membership, Is.EqualTo(fromMerged.Membership));
        Assert.That(fromRaw.Modularity, Is.EqualTo(fromMerged.Modularity).Within(1e-12));
        AssertAtLeastIgraph(fromRaw.Modularity, fixture.GetProperty("multilevel_modularity"));
    }

    [Test]
    public void Empty_graph_has_no_communities()
    {
        using var edges = new EdgeList();
        using var graph = CsrGraph.Build(0, edges, Merged);

        var result = Louvain.Run(graph);

        Assert.That(result.Membership, Is.Empty);
        Assert.That(result.CommunityCount, Is.Zero);
        Assert.That(result.Modularity, Is.NaN);
    }

    [Test]
    public void Isolated_nodes_are_each_their_own_community()
    {
        using var edges = EdgeList.From([(1, 2), (2, 3), (3, 1), (5, 6), (6, 7), (7, 5), (3, 5)]);
        using var graph = CsrGraph.Build(10, edges, Merged);

        var result = Louvain.Run(graph);

        Assert.That(result.Membership, Is.EqualTo(new[] { 0, 1, 1, 1, 2, 3, 3, 3, 4, 5 }));
        Assert.That(result.CommunityCount, Is.EqualTo(6));
    }

    [Test]
    public void Giant_hub_over_noise_leaves_every_community_connected()
    {
        const int N = 20_000;
        var random = new Random(9);
        using var edges = new EdgeList();
        for (var v = 1; v < N; v++)
        {
            edges.Add(0, v);
        }
        for (var i = 0; i < 3 * N; i++)
        {
            edges.Add(1 + random.Next(N - 1), 1 + random.Next(N - 1));
        }
        using var graph = CsrGraph.Build(N, edges, Merged with { DropSelfLoops = true });

        var result = Louvain.Run(graph);

        Assert.That(result.Modularity, Is.GreaterThan(0.25));
        AssertWellFormed(graph, result);
    }

    [Test]
    public void A_pure_star_stays_one_community()
    {
        using var edges = EdgeList.From(Enumerable.Range(1, 50).Select(v => (0, v)).ToList());
        using var graph = CsrGraph.Build(51, edges, Merged);

        var result = Louvain.Run(graph);

        Assert.That(result.CommunityCount, Is.EqualTo(1));
        Assert.That(result.Modularity, Is.EqualTo(0).Within(1e-12));
    }

    [Test]
    public void Communities_stay_connected_when_levels_are_cut_short([Values(1, 2)] int maxLevels)
    {
        var fixture = ReferenceFixture.Graph(Topic, "er_2000");
        using var graph = ReferenceFixture.Build(fixture, Merged);

        var result = Louvain.Run(graph, new LouvainOptions { MaxLevels = maxLevels });

        AssertWellFormed(graph, result);
    }

    [Test]
    public void More_iterations_never_lower_modularity([Values(0, 1, 2, 3)] int seed)
    {
        var fixture = ReferenceFixture.Graph(Topic, "er_2000");
        using var graph = ReferenceFixture.Build(fixture, Merged);

        var once = Louvain.Run(graph, new LouvainOptions { Seed = seed, MaxIterations = 1 });
        var more = Louvain.Run(graph, new LouvainOptions { Seed = seed, MaxIterations = 5 });

        Assert.That(more.Modularity, Is.GreaterThanOrEqualTo(once.Modularity));
    }

    [Test]
    public void Modularity_matches_a_dense_reference_on_random_graphs([Range(1, 25)] int seed)
    {
        var random = new Random(seed);
        var n = random.Next(2, 40);
        using var edges = new EdgeList();
        for (var i = random.Next(1, 4 * n); i > 0; i--)
        {
            edges.Add(random.Next(n), random.Next(n), random.Next(1, 5));
        }
        using var graph = CsrGraph.Build(n, edges, new CsrBuildOptions { Undirected = true, Weighted = true });

        var result = Louvain.Run(graph, new LouvainOptions { Seed = seed });
        var singletons = Enumerable.Range(0, n).ToArray();

        var dense = ModularityTests.DenseModularity(n, edges, result.Membership, 1.0);
        Assert.That(result.Modularity, Is.EqualTo(dense).Within(1e-9));
        Assert.That(dense, Is.GreaterThanOrEqualTo(ModularityTests.DenseModularity(n, edges, singletons, 1.0) - 1e-12));
        Assert.That(dense, Is.GreaterThanOrEqualTo(ModularityTests.DenseModularity(n, edges, new int[n], 1.0) - 1e-12));
        AssertWellFormed(graph, result);
    }

    private static void AssertAtLeastIgraph(double actual, JsonElement igraph)
    {
        if (igraph.ValueKind == JsonValueKind.Null)
        {
            Assert.That(actual, Is.NaN);
            return;
        }
        var expected = igraph.GetDouble();
        Assert.That(actual, Is.GreaterThanOrEqualTo(expected - 0.01 * Math.Abs(expected)));
    }

    /// <summary>Dense ids, the stated count and modularity, and every community connected (breadth-first search).</summary>
    private static void AssertWellFormed(CsrGraph graph, CommunityResult result, double resolution = 1.0)
    {
        var n = graph.NodeCount;
        Assert.That(result.Membership, Has.Length.EqualTo(n));
        Assert.That(result.Membership.Distinct().Count(), Is.EqualTo(result.CommunityCount));
        Assert.That(result.Membership.All(c => c >= 0 && c < result.CommunityCount), Is.True);
        var seen = new bool[result.CommunityCount];
        var reached = new bool[n];
        for (var root = 0; root < n; root++)
        {
            var community = result.Membership[root];
            if (seen[community])
            {
                Assert.That(reached[root], Is.True, $"community {community} is not connected (node {root})");
                continue;
            }
            seen[community] = true;
            var queue = new Queue<int>([root]);
            reached[root] = true;
            while (queue.TryDequeue(out var v))
            {
                foreach (var u in graph.Neighbors(v))
                {
                    if (!reached[u] && result.Membership[u] == community)
                    {
                        reached[u] = true;
                        queue.Enqueue(u);
                    }
                }
            }
        }
        if (n > 0 && graph.EdgeCount > 0)
        {
            Assert.That(result.Modularity, Is.EqualTo(Modularity.Compute(graph, result.Membership, resolution)).Within(1e-12));
        }
    }
}
