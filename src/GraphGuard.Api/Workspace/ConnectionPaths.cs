using QuikGraph;
using QuikGraph.Algorithms;

namespace GraphGuard.Api.Workspace;

/// <summary>
/// "How are these connected?": the cheapest paths between two accounts through what they share in the published
/// run's window. A small undirected subgraph is grown from both accounts (a few hops each, busy entities not
/// expanded) and handed to QuikGraph's Dijkstra, once per path: each later path avoids the inner nodes of the
/// earlier ones, so the answer shows independent connections rather than one path and its near-copies.
/// </summary>
internal static class ConnectionPaths
{
    /// <summary>Hops grown from each end: a path of up to twice this many hops can be found.</summary>
    public const int HopsEachSide = 3;

    /// <summary>An entity with more events than this is a hub (a viral post, a carrier's IP): reached, but not expanded.</summary>
    public const int HubDegree = 2_000;

    public const int MaxExplored = 50_000;

    /// <summary>Up to <paramref name="count"/> node-disjoint paths, cheapest first, and how many nodes were explored.</summary>
    public static (List<(double Cost, List<int> Nodes)> Paths, int Explored) Find(WindowGraph window, int from, int to, int count)
    {
        var graph = new UndirectedGraph<int, Edge<int>>(allowParallelEdges: false);
        graph.AddVertex(from);
        graph.AddVertex(to);
        Grow(window, graph, from);
        Grow(window, graph, to);
        var paths = new List<(double, List<int>)>();
        var banned = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            // Implementation note: a hop costs log2 of the busier end's degree, so two accounts on a rare device are
            // closer than two accounts that liked the same viral post; a banned node makes its edges unusable.
            double Cost(Edge<int> e) => banned.Contains(e.Source) || banned.Contains(e.Target)
                ? double.PositiveInfinity
                : Math.Log2(2 + Math.Max(Degree(window, e.Source), Degree(window, e.Target)));
            var tryPath = graph.ShortestPathsDijkstra(Cost, from);
            if (!tryPath(to, out var edges) || edges is null)
            {
                break;
            }
            var nodes = new List<int> { from };
            var cost = 0.0;
            foreach (var edge in edges)
            {
                cost += Cost(edge);
                nodes.Add(edge.GetOtherVertex(nodes[^1]));
            }
            if (double.IsInfinity(cost))
            {
                break;
            }
            paths.Add((cost, nodes));
            if (nodes.Count <= 2)
            {
                break;  // a direct event: nothing in between to avoid, so there is no different path to show
            }
            banned.UnionWith(nodes.Skip(1).SkipLast(1));
        }
        return (paths, graph.VertexCount);
    }

    private static int Degree(WindowGraph window, int v) => window.Has(v) ? window.Graph.OutDegree(v) + window.Graph.InDegree(v) : 0;

    private static void Grow(WindowGraph window, UndirectedGraph<int, Edge<int>> graph, int start)
    {
        var frontier = new List<int> { start };
        for (var hop = 0; hop < HopsEachSide && frontier.Count > 0; hop++)
        {
            var next = new List<int>();
            foreach (var v in frontier)
            {
                if (!window.Has(v) || (v != start && Degree(window, v) > HubDegree))
                {
                    continue;
                }
                foreach (var neighbors in (int[][])[window.Graph.OutNeighbors(v).ToArray(), window.Graph.InNeighbors(v).ToArray()])
                {
                    foreach (var w in neighbors)
                    {
                        if (w == v || graph.VertexCount >= MaxExplored && !graph.ContainsVertex(w))
                        {
                            continue;
                        }
                        if (graph.AddVertex(w))
                        {
                            next.Add(w);
                        }
                        if (!graph.ContainsEdge(v, w))
                        {
                            graph.AddEdge(new Edge<int>(v, w));
                        }
                    }
                }
            }
            frontier = next;
        }
        GC.KeepAlive(window.Graph);
    }
}
