using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Tests.Graph;

public sealed class StronglyConnectedComponentsTests
{
    [Test]
    public void Components_match_mutual_reachability_and_come_in_topological_order([Range(1, 12)] int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 60);
        using var edges = new EdgeList();
        for (var i = random.Next(0, 3 * n); i > 0; i--)
        {
            edges.Add(random.Next(n), random.Next(n), 1f);
        }
        using var graph = CsrGraph.Build(n, edges, new CsrBuildOptions());
        var result = StronglyConnectedComponents.Compute(graph);

        var component = new int[n];
        for (var c = 0; c < result.Count; c++)
        {
            for (var i = result.ComponentStarts[c]; i < result.ComponentStarts[c + 1]; i++)
            {
                component[result.Order[i]] = c;
            }
        }
        Assert.That(result.Order.Order(), Is.EqualTo(Enumerable.Range(0, n)));
        var reach = Reachability(graph);
        for (var u = 0; u < n; u++)
        {
            for (var v = 0; v < n; v++)
            {
                Assert.That(component[u] == component[v], Is.EqualTo(reach[u, v] && reach[v, u]), $"nodes {u} and {v}");
            }
            foreach (var v in graph.Neighbors(u))
            {
                Assert.That(component[u], Is.LessThanOrEqualTo(component[v]), $"edge {u} -> {v} points backwards");
            }
        }
    }

    [Test]
    public void A_long_path_does_not_overflow_the_stack()
    {
        const int n = 300_000;
        using var edges = new EdgeList();
        for (var v = 0; v + 1 < n; v++)
        {
            edges.Add(v, v + 1, 1f);
        }
        edges.Add(n - 1, 0, 1f);
        using var cycle = CsrGraph.Build(n, edges, new CsrBuildOptions());
        Assert.That(StronglyConnectedComponents.Compute(cycle).Count, Is.EqualTo(1));
    }

    [Test]
    public void The_empty_graph_has_no_components()
    {
        using var graph = CsrGraph.Build(0, new EdgeList(), new CsrBuildOptions());
        Assert.That(StronglyConnectedComponents.Compute(graph).Count, Is.Zero);
    }

    private static bool[,] Reachability(CsrGraph graph)
    {
        var n = graph.NodeCount;
        var reach = new bool[n, n];
        for (var s = 0; s < n; s++)
        {
            var stack = new Stack<int>([s]);
            reach[s, s] = true;
            while (stack.TryPop(out var v))
            {
                foreach (var w in graph.Neighbors(v))
                {
                    if (!reach[s, w])
                    {
                        reach[s, w] = true;
                        stack.Push(w);
                    }
                }
            }
        }
        return reach;
    }
}
