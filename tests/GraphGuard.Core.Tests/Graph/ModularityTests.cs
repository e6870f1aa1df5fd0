using System.Text.Json;
using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class ModularityTests
{
    private const string Topic = "communities";
    private const double Tolerance = 1e-9;

    private static IEnumerable<string> GraphNames() => ReferenceFixture.GraphNames(Topic);

    private static readonly CsrBuildOptions Merged = new() { Undirected = true, Weighted = true, MergeDuplicates = true };

    [TestCaseSource(nameof(GraphNames))]
    public void Modularity_matches_igraph_for_its_multilevel_membership(string name)
    {
        var fixture = ReferenceFixture.Graph(Topic, name);
        using var graph = ReferenceFixture.Build(fixture, Merged);
        var membership = Ints(fixture.GetProperty("multilevel_membership"));

        AssertModularity(Modularity.Compute(graph, membership), fixture.GetProperty("multilevel_modularity"));
        foreach (var at in fixture.GetProperty("multilevel_modularity_at").EnumerateObject())
        {
            var resolution = double.Parse(at.Name, System.Globalization.CultureInfo.InvariantCulture);
            AssertModularity(Modularity.Compute(graph, membership, resolution), at.Value);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Modularity_counts_self_loops_and_repeated_edges_as_igraph(bool mergeDuplicates)
    {
        var fixture = ReferenceFixture.Graph(Topic, "weighted_multi");
        using var graph = ReferenceFixture.Build(fixture, Merged with { MergeDuplicates = mergeDuplicates });
        var membership = Ints(fixture.GetProperty("multilevel_membership"));

        Assert.That(Modularity.Compute(graph, membership),
            Is.EqualTo(fixture.GetProperty("multilevel_modularity_unsimplified").GetDouble()).Within(Tolerance));
    }

    [Test]
    public void Modularity_of_a_graph_without_edges_is_NaN_as_in_igraph()
    {
        using var edges = new EdgeList();
        using var graph = CsrGraph.Build(3, edges, Merged);

        Assert.That(Modularity.Compute(graph, [0, 1, 2]), Is.NaN);
    }

    [Test]
    public void Modularity_rejects_a_membership_of_the_wrong_length()
    {
        using var edges = EdgeList.From([(0, 1)]);
        using var graph = CsrGraph.Build(2, edges, Merged);

        Assert.Throws<ArgumentException>(() => Modularity.Compute(graph, [0]));
    }

    [Test]
    public void Modularity_matches_a_dense_reference_on_random_weighted_multigraphs_with_self_loops(
        [Range(1, 20)] int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 25);
        var edgeCount = random.Next(1, 3 * n);
        using var edges = new EdgeList();
        for (var i = 0; i < edgeCount; i++)
        {
            edges.Add(random.Next(n), random.Next(n), random.Next(1, 9) / 4f);
        }
        using var graph = CsrGraph.Build(n, edges, new CsrBuildOptions { Undirected = true, Weighted = true });
        var membership = Enumerable.Range(0, n).Select(_ => random.Next(4)).ToArray();
        var resolution = random.NextDouble() * 2;

        Assert.That(Modularity.Compute(graph, membership, resolution),
            Is.EqualTo(DenseModularity(n, edges, membership, resolution)).Within(Tolerance));
    }

    /// <summary>
    /// Newman's definition read off a dense adjacency matrix: Q = 1/(2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j),
    /// with an undirected self-loop adding 2w to A_ii (igraph's convention).
    /// </summary>
    internal static double DenseModularity(int n, EdgeList edges, int[] membership, double resolution)
    {
        var a = new double[n, n];
        for (long e = 0; e < edges.Count; e++)
        {
            var (s, t, w) = (edges.Source(e), edges.Target(e), (double)edges.Weight(e));
            a[s, t] += w;
            a[t, s] += w;
        }
        var k = new double[n];
        double twoM = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                k[i] += a[i, j];
            }
            twoM += k[i];
        }
        double q = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (membership[i] == membership[j])
                {
                    q += a[i, j] - resolution * k[i] * k[j] / twoM;
                }
            }
        }
        return q / twoM;
    }

    internal static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static void AssertModularity(double actual, JsonElement expected)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.That(actual, Is.NaN);
        }
        else
        {
            Assert.That(actual, Is.EqualTo(expected.GetDouble()).Within(Tolerance));
        }
    }
}
