using GraphGuard.Core.Graph;
using GraphGuard.Storage.Snapshots;

namespace GraphGuard.Api.Data;

/// <summary>
/// Edges from the published run's <see cref="InteractionGraph"/> in memory: a frontier's events are its nodes'
/// adjacency lists, so a hop costs the degrees it touches instead of a scan of the events table.
/// </summary>
internal sealed class GraphEdges(InteractionGraph graph) : IEdgeSource
{
    public Task<List<SubgraphEdge>> ClusterAsync(int[] members, int limit, CancellationToken ct)
    {
        var inGraph = InGraph(members);
        var counts = new Dictionary<(int Actor, int Target, byte Action), long>();
        foreach (var v in inGraph)
        {
            CountOut(counts, v, within: null);
        }
        GC.KeepAlive(graph);
        var actors = new Dictionary<int, HashSet<int>>();
        foreach (var (actor, target, _) in counts.Keys)
        {
            (actors.TryGetValue(target, out var set) ? set : actors[target] = []).Add(actor);
        }
        foreach (var key in counts.Keys.Where(k => !inGraph.Contains(k.Target) && actors[k.Target].Count < 2).ToList())
        {
            counts.Remove(key);
        }
        return Task.FromResult(Top(counts, limit));
    }

    public Task<List<SubgraphEdge>> TouchingAsync(int[] ids, int limit, CancellationToken ct)
    {
        var frontier = InGraph(ids);
        var counts = new Dictionary<(int Actor, int Target, byte Action), long>();
        foreach (var v in frontier)
        {
            CountOut(counts, v, within: null);
            var actors = graph.InNeighbors(v);
            var inActions = graph.InActions(v);
            for (var i = 0; i < actors.Length; i++)
            {
                // An event between two frontier nodes is counted once, from its actor's side (self-loops too).
                if (!frontier.Contains(actors[i]))
                {
                    Count(counts, (actors[i], v, inActions[i]));
                }
            }
        }
        // The spans above point into the graph's native memory, which its finalizer frees once the graph is unreachable
        // (a swapped-out graph is never disposed while a request may still read it).
        GC.KeepAlive(graph);
        return Task.FromResult(Top(counts, limit));
    }

    /// <summary>Ids the graph has nodes for: an entity made after the run's window has no events in it.</summary>
    private HashSet<int> InGraph(int[] ids) => [.. ids.Where(id => (uint)id < (uint)graph.NodeCount)];

    /// <summary>Counts <paramref name="v"/>'s outgoing events, those to nodes <paramref name="within"/> when given.</summary>
    private void CountOut(Dictionary<(int, int, byte), long> counts, int v, HashSet<int>? within)
    {
        var targets = graph.OutNeighbors(v);
        var actions = graph.OutActions(v);
        for (var i = 0; i < targets.Length; i++)
        {
            if (within is null || within.Contains(targets[i]))
            {
                Count(counts, (v, targets[i], actions[i]));
            }
        }
    }

    private static void Count(Dictionary<(int, int, byte), long> counts, (int, int, byte) key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private List<SubgraphEdge> Top(Dictionary<(int Actor, int Target, byte Action), long> counts, int limit)
    {
        var edges = counts.Select(c => new SubgraphEdge(c.Key.Actor, c.Key.Target, graph.Actions[c.Key.Action], c.Value)).ToList();
        edges.Sort(static (a, b) =>
        {
            var order = b.Count.CompareTo(a.Count);
            order = order != 0 ? order : a.Actor.CompareTo(b.Actor);
            order = order != 0 ? order : a.Target.CompareTo(b.Target);
            return order != 0 ? order : string.CompareOrdinal(a.Action, b.Action);
        });
        if (edges.Count > limit)
        {
            edges.RemoveRange(limit, edges.Count - limit);
        }
        return edges;
    }
}
