using GraphGuard.Core.Graph;

namespace GraphGuard.Api.Workspace;

/// <summary>
/// The workspace's reads of the published run's interaction graph (its window's events, in memory): members'
/// activity, the synchrony raster, pivots, recent events and filtered neighbourhoods. Node ids are entities.id.
/// </summary>
internal sealed class WindowGraph(InteractionGraph graph)
{
    public InteractionGraph Graph { get; } = graph;

    public bool Has(int id) => (uint)id < (uint)Graph.NodeCount;

    /// <summary>
    /// Every relation (action) the window's graph knows, in order (code 0, unnamed, is none): the neighbourhood's filter
    /// offers all of them, so one that a filtered expansion no longer reaches can still be ticked again.
    /// </summary>
    public IReadOnlyList<string> Relations { get; } = [.. graph.Actions.Where(a => a.Length > 0).Order(StringComparer.Ordinal)];

    /// <summary>Per member: events in the window, distinct targets, and targets at least one other member also acted on.</summary>
    public (int Events, int Targets, int Shared)[] MemberActivity(int[] members)
    {
        var actorsOf = new Dictionary<int, int>();
        var targetsOf = new HashSet<int>[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            targetsOf[i] = Has(members[i]) ? [.. Graph.OutNeighbors(members[i]).ToArray()] : [];
            foreach (var t in targetsOf[i])
            {
                actorsOf[t] = actorsOf.GetValueOrDefault(t) + 1;
            }
        }
        var activity = new (int, int, int)[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            var events = Has(members[i]) ? Graph.OutDegree(members[i]) : 0;
            activity[i] = (events, targetsOf[i].Count, targetsOf[i].Count(t => actorsOf[t] > 1));
        }
        GC.KeepAlive(Graph);
        return activity;
    }

    /// <summary>
    /// The members' events to targets two or more of them acted on, as (seconds after the earliest, member index,
    /// target), at most <paramref name="maxPoints"/> (the earliest kept); the targets most acted on come first.
    /// </summary>
    public (DateTime From, DateTime To, List<int> Targets, List<int[]> Points, bool Truncated) Raster(int[] members, int maxPoints)
    {
        var actors = new Dictionary<int, HashSet<int>>();
        for (var i = 0; i < members.Length; i++)
        {
            if (!Has(members[i]))
            {
                continue;
            }
            foreach (var t in Graph.OutNeighbors(members[i]))
            {
                (actors.TryGetValue(t, out var set) ? set : actors[t] = []).Add(i);
            }
        }
        var shared = actors.Where(a => a.Value.Count > 1).OrderByDescending(a => a.Value.Count).ThenBy(a => a.Key).Select(a => a.Key).ToList();
        var index = shared.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var events = new List<(int Time, int Member, int Target)>();
        for (var i = 0; i < members.Length; i++)
        {
            if (!Has(members[i]))
            {
                continue;
            }
            var targets = Graph.OutNeighbors(members[i]);
            var times = Graph.OutTimes(members[i]);
            for (var e = 0; e < targets.Length; e++)
            {
                if (index.TryGetValue(targets[e], out var t))
                {
                    events.Add((times[e], i, t));
                }
            }
        }
        GC.KeepAlive(Graph);
        events.Sort();
        var truncated = events.Count > maxPoints;
        if (truncated)
        {
            events.RemoveRange(maxPoints, events.Count - maxPoints);
        }
        var first = events.Count > 0 ? events[0].Time : 0;
        var last = events.Count > 0 ? events[^1].Time : 0;
        return (Graph.At(first), Graph.At(last), shared, [.. events.Select(e => new[] { e.Time - first, e.Member, e.Target })], truncated);
    }

    /// <summary>Every account that acted on <paramref name="entity"/>: its events with it, first and last time, actions.</summary>
    public List<(int Account, int Events, DateTime First, DateTime Last, List<string> Actions)> Pivot(int entity)
    {
        var byActor = new Dictionary<int, (int Events, int First, int Last, HashSet<byte> Actions)>();
        if (Has(entity))
        {
            var actors = Graph.InNeighbors(entity);
            var times = Graph.InTimes(entity);
            var actions = Graph.InActions(entity);
            for (var i = 0; i < actors.Length; i++)
            {
                var seen = byActor.TryGetValue(actors[i], out var s) ? s : (Events: 0, First: int.MaxValue, Last: int.MinValue, Actions: new HashSet<byte>());
                seen.Actions.Add(actions[i]);
                byActor[actors[i]] = (seen.Events + 1, Math.Min(seen.First, times[i]), Math.Max(seen.Last, times[i]), seen.Actions);
            }
        }
        GC.KeepAlive(Graph);
        return [.. byActor.Select(a => (a.Key, a.Value.Events, Graph.At(a.Value.First), Graph.At(a.Value.Last),
            a.Value.Actions.Order().Select(c => Graph.Actions[c]).ToList()))
            .OrderByDescending(a => a.Item2).ThenBy(a => a.Key)];
    }

    /// <summary>The account's latest events either way, newest first: (time, out?, action, other end).</summary>
    public List<(DateTime At, bool Out, string Action, int Other)> RecentEvents(int account, int limit)
    {
        var events = new List<(int Time, bool Out, byte Action, int Other)>();
        if (Has(account))
        {
            Collect(events, Graph.OutNeighbors(account), Graph.OutTimes(account), Graph.OutActions(account), outgoing: true);
            Collect(events, Graph.InNeighbors(account), Graph.InTimes(account), Graph.InActions(account), outgoing: false);
        }
        GC.KeepAlive(Graph);
        return [.. events.OrderByDescending(e => e.Time).ThenBy(e => e.Other).Take(limit).Select(e => (Graph.At(e.Time), e.Out, Graph.Actions[e.Action], e.Other))];
    }

    /// <summary>
    /// Entities within <paramref name="hops"/> events of <paramref name="start"/> (either way) through the given
    /// relations only (all when empty), at most <paramref name="maxNodes"/>; edges aggregated by (actor, target, action).
    /// </summary>
    public (List<int> Nodes, Dictionary<(int Actor, int Target, string Action), long> Edges, bool Truncated) Neighborhood(
        int start, int hops, IReadOnlySet<string> relations, int maxNodes)
    {
        var nodes = new List<int> { start };
        var seen = new HashSet<int> { start };
        var edges = new Dictionary<(int, int, string), long>();
        var truncated = false;
        var frontier = new HashSet<int> { start };
        var expanded = new HashSet<int>();
        for (var hop = 0; hop < hops && frontier.Count > 0 && Has(start); hop++)
        {
            var next = new HashSet<int>();
            foreach (var v in frontier)
            {
                Expand(v, outgoing: true);
                Expand(v, outgoing: false);
            }
            expanded.UnionWith(frontier);
            frontier = next;

            void Expand(int v, bool outgoing)
            {
                var others = outgoing ? Graph.OutNeighbors(v) : Graph.InNeighbors(v);
                var actions = outgoing ? Graph.OutActions(v) : Graph.InActions(v);
                for (var i = 0; i < others.Length; i++)
                {
                    var action = Graph.Actions[actions[i]];
                    if (relations.Count > 0 && !relations.Contains(action))
                    {
                        continue;
                    }
                    var other = others[i];
                    if (seen.Add(other))
                    {
                        if (nodes.Count >= maxNodes)
                        {
                            seen.Remove(other);
                            truncated = true;
                            continue;
                        }
                        nodes.Add(other);
                        next.Add(other);
                    }
                    var key = outgoing ? (v, other, action) : (other, v, action);
                    // Each event is counted once: not again from a node expanded at an earlier hop, and between two nodes of
                    // the frontier from its actor's side only.
                    if (!expanded.Contains(other) && (outgoing || !frontier.Contains(other)))
                    {
                        edges[key] = edges.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }
        GC.KeepAlive(Graph);
        return (nodes, edges, truncated);
    }

    private static void Collect(List<(int, bool, byte, int)> events, ReadOnlySpan<int> others, ReadOnlySpan<int> times, ReadOnlySpan<byte> actions, bool outgoing)
    {
        for (var i = 0; i < others.Length; i++)
        {
            events.Add((times[i], outgoing, actions[i], others[i]));
        }
    }
}
