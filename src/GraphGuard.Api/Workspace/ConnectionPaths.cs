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
        var hopCost = new Dictionary<int, double>();
        GrowFromBothEnds(window, graph, hopCost, from, to);
        var paths = new List<(double, List<int>)>();
        var banned = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            // A hop costs log2 of the busier end's degree, so two accounts on a rare device are closer than two
            // accounts that liked the same viral post; a banned node makes its edges unusable.
            double Cost(Edge<int> e) => banned.Contains(e.Source) || banned.Contains(e.Target)
                ? double.PositiveInfinity
                : Math.Max(hopCost[e.Source], hopCost[e.Target]);
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

    /// <summary>
    /// Grows the subgraph a hop at a time from whichever end has the smaller frontier, up to
    /// <see cref="HopsEachSide"/> hops each. Once the two sides meet, each grows one hop more (room for the
    /// independent paths after the first) and then stops: most pairs meet long before the hop limit, and
    /// growing on from there only explores nodes no short path uses.
    /// </summary>
    private static void GrowFromBothEnds(WindowGraph window, UndirectedGraph<int, Edge<int>> graph, Dictionary<int, double> hopCost, int from, int to)
    {
        var reached = new[] { new HashSet<int> { from }, new HashSet<int> { to } };
        var frontiers = new[] { new List<int> { from }, new List<int> { to } };
        var hops = new int[2];
        var extraHops = new[] { -1, -1 };
        foreach (var end in (int[])[from, to])
        {
            graph.AddVertex(end);
            hopCost[end] = Math.Log2(2 + Degree(window, end));
        }
        var met = from == to;
        while (true)
        {
            var open = Enumerable.Range(0, 2).Where(side => frontiers[side].Count > 0 && hops[side] < HopsEachSide && extraHops[side] != 0).ToList();
            if (open.Count == 0)
            {
                return;
            }
            var side = open.MinBy(s => frontiers[s].Count);
            frontiers[side] = Expand(window, graph, hopCost, frontiers[side], reached[side], side == 0 ? from : to);
            hops[side]++;
            if (extraHops[side] > 0)
            {
                extraHops[side]--;
            }
            if (!met && reached[side].Overlaps(reached[1 - side]))
            {
                met = true;
                extraHops[side] = 1;
                extraHops[1 - side] = 1;
            }
        }
    }

    private static List<int> Expand(WindowGraph window, UndirectedGraph<int, Edge<int>> graph, Dictionary<int, double> hopCost, List<int> frontier,
        HashSet<int> reached, int start)
    {
        var next = new List<int>();
        foreach (var v in frontier)
        {
            if (!window.Has(v) || (v != start && Degree(window, v) > HubDegree))
            {
                continue;
            }
            AddNeighbours(window.Graph.OutNeighbors(v));
            AddNeighbours(window.Graph.InNeighbors(v));

            void AddNeighbours(ReadOnlySpan<int> neighbours)
            {
                foreach (var w in neighbours)
                {
                    if (w == v || graph.VertexCount >= MaxExplored && !graph.ContainsVertex(w))
                    {
                        continue;
                    }
                    if (graph.AddVertex(w))
                    {
                        hopCost[w] = Math.Log2(2 + Degree(window, w));
                    }
                    if (reached.Add(w))
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
        GC.KeepAlive(window.Graph);
        return next;
    }
}
