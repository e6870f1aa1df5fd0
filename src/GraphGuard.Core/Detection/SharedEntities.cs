using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection;

/// <summary>The entities of some kinds that two or more members of a group used, busiest first, and when.</summary>
internal sealed record SharedEntities(IReadOnlyList<(int Node, int Members)> Entities, int FirstTime, int LastTime)
{
    public int Count(InteractionGraph graph, EntityKind kind) => Entities.Count(e => graph.Kind(e.Node) == kind);

    public static SharedEntities Of(InteractionGraph graph, AccountIndex accounts, int[] members, IReadOnlyCollection<EntityKind> kinds)
    {
        var users = new Dictionary<int, HashSet<int>>();
        int first = int.MaxValue, last = int.MinValue;
        foreach (var a in members)
        {
            var node = accounts.Nodes[a];
            var targets = graph.OutNeighbors(node);
            for (var i = 0; i < targets.Length; i++)
            {
                if (kinds.Contains(graph.Kind(targets[i])))
                {
                    if (!users.TryGetValue(targets[i], out var set))
                    {
                        users[targets[i]] = set = [];
                    }
                    set.Add(a);
                }
            }
        }
        var shared = users.Where(u => u.Value.Count >= 2)
            .Select(u => (Node: u.Key, Members: u.Value.Count))
            .OrderByDescending(e => e.Members).ThenBy(e => e.Node)
            .ToList();
        var sharedNodes = shared.Select(e => e.Node).ToHashSet();
        foreach (var a in members)
        {
            var node = accounts.Nodes[a];
            var targets = graph.OutNeighbors(node);
            var times = graph.OutTimes(node);
            for (var i = 0; i < targets.Length; i++)
            {
                if (sharedNodes.Contains(targets[i]))
                {
                    first = Math.Min(first, times[i]);
                    last = Math.Max(last, times[i]);
                }
            }
        }
        return new SharedEntities(shared, first, last);
    }
}
