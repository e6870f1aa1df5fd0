using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection;

/// <summary>
/// Many accounts registered in a tight window on shared infrastructure. Per entity, its accounts are
/// sorted by registration time and neighbours closer than the gap are joined; joins across entities
/// make one burst. A campus address sees registrations spread over months, so it joins only a few.
/// </summary>
public sealed class CreationBurstDetector(CreationBurstOptions options) : IDetector
{
    public string Name => "creation_burst";

    public DetectorResult Detect(DetectionInput input)
    {
        var graph = input.Graph;
        var n = input.Accounts.Count;
        var sets = new DisjointSets(n);
        var joined = new bool[n];
        var kinds = new bool[256];
        foreach (var kind in options.Kinds)
        {
            kinds[(int)kind] = true;
        }
        var users = new List<(long Created, int Account)>();
        for (var entity = 0; entity < graph.NodeCount; entity++)
        {
            if (!kinds[(int)graph.Kind(entity)])
            {
                continue;
            }
            Users(input, entity, users);
            var cap = graph.Kind(entity).IsPersonal() ? options.MaxAccountsPerDevice : options.MaxAccountsPerAddress;
            if (users.Count < 2 || users.Count > cap)
            {
                continue;
            }
            for (var i = 1; i < users.Count; i++)
            {
                if (users[i].Created - users[i - 1].Created <= options.GapSeconds)
                {
                    sets.Union(users[i - 1].Account, users[i].Account);
                    joined[users[i - 1].Account] = joined[users[i].Account] = true;
                }
            }
        }
        var burstSize = new float[n];
        var clusters = new List<DetectedCluster>();
        foreach (var members in sets.Groups(Enumerable.Range(0, n).Where(a => joined[a]), options.MinAccounts))
        {
            var first = members.Min(a => input.CreatedAt[a]);
            var last = members.Max(a => input.CreatedAt[a]);
            if (last - first > options.MaxSpanSeconds)
            {
                continue;
            }
            var shared = SharedEntities.Of(graph, input.Accounts, members, options.Kinds.ToHashSet());
            var hours = (last - first) / 3600.0;
            var score = Math.Min(1, members.Length / 15.0) * (1 - (hours / 48));
            var evidence = new Evidence(EvidenceKind.CreationBurst, new Dictionary<string, double>
            {
                ["accounts"] = members.Length,
                ["hours"] = hours,
                ["shared"] = shared.Entities.Count,
            }, [.. shared.Entities.Take(3).Select(e => e.Node)]);
            clusters.Add(new DetectedCluster(Name, members, members, score, [evidence]));
            foreach (var a in members)
            {
                burstSize[a] = members.Length;
            }
        }
        return new DetectorResult(clusters, [("burst_cluster_size", burstSize)]);
    }

    /// <summary>Distinct accounts with a known creation time that used the entity, by creation time.</summary>
    private static void Users(DetectionInput input, int entity, List<(long Created, int Account)> users)
    {
        users.Clear();
        foreach (var source in input.Graph.InNeighbors(entity))
        {
            var a = input.Accounts.IndexOf(source);
            if (a >= 0 && input.CreatedAt[a] != long.MinValue)
            {
                users.Add((input.CreatedAt[a], a));
            }
        }
        users.Sort();
        var distinct = 0;
        for (var i = 0; i < users.Count; i++)
        {
            if (distinct == 0 || users[i].Account != users[distinct - 1].Account || users[i].Created != users[distinct - 1].Created)
            {
                users[distinct++] = users[i];
            }
        }
        users.RemoveRange(distinct, users.Count - distinct);
    }
}
