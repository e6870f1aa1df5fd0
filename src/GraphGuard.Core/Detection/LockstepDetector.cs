using System.Collections.Concurrent;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection;

/// <summary>
/// Synchronized behaviour in the spirit of SynchroTrap (Cao et al. 2014) and CopyCatch (Beutel et al.
/// 2013): accounts that act on the same targets within the same short windows, again and again.
/// Work is done per target: its actions sorted by time, every pair of accounts within the window is
/// one shared target for that pair, so the cost follows the actions rather than all pairs of accounts.
/// Pairs sharing enough targets are tied, and tied groups are the clusters.
/// </summary>
public sealed class LockstepDetector(LockstepOptions options) : IDetector
{
    private const int TargetsPerRange = 16_384;

    public string Name => "lockstep";

    public DetectorResult Detect(DetectionInput input)
    {
        var actions = ActionMask(input.Graph);
        using var pairs = SharedTargetPairs(input, actions);
        using var ties = CsrGraph.Build(input.Accounts.Count, pairs, new CsrBuildOptions { Undirected = true, MergeDuplicates = true, Weighted = true });
        var engaged = EngagedTargets(input, actions);
        var strong = StrongTies.Find(ties,
            (a, b, shared) => shared >= options.MinSharedTargets && shared >= options.MinSharedShare * Math.Min(engaged[a], engaged[b]),
            options.MinAccounts);
        var n = input.Accounts.Count;
        var clusterSize = new float[n];
        var clusters = new List<DetectedCluster>();
        foreach (var members in strong.Groups)
        {
            var step = LockstepTargets.Of(input, members, actions, options.WindowSeconds);
            var core = members.Where(a => strong.Degree[a] >= 2).ToArray();
            // A coordinated group acts as one: most members on one target at once, most tied to several others.
            var cohesion = (double)step.TopAccounts / members.Length * core.Length / members.Length;
            var score = Math.Min(1, members.Length / 10.0) * (1 - Math.Exp(-step.Targets / 3.0)) * Math.Min(1, cohesion / 0.4);
            var evidence = new Evidence(EvidenceKind.Lockstep, new Dictionary<string, double>
            {
                ["accounts"] = members.Length,
                ["targets"] = step.Targets,
                ["windows"] = step.Windows.Count,
                ["window_minutes"] = options.WindowSeconds / 60.0,
                ["top_accounts"] = step.TopAccounts,
            }, step.TopTarget >= 0 ? [step.TopTarget] : []);
            int[] all = [.. members, .. step.Joiners(input, members, actions, options.WindowSeconds, options.MinJoinedWindows)];
            Array.Sort(all);
            clusters.Add(new DetectedCluster(Name, all, core, score, [evidence]));
            foreach (var a in all)
            {
                clusterSize[a] = members.Length;
            }
        }
        return new DetectorResult(clusters,
        [
            ("lockstep_ties", Array.ConvertAll(strong.Degree, d => (float)d)),
            ("lockstep_max_shared_targets", strong.Strongest),
            ("lockstep_cluster_size", clusterSize),
        ]);
    }

    private bool[] ActionMask(InteractionGraph graph)
    {
        var mask = new bool[256];
        for (var code = 0; code < graph.Actions.Count; code++)
        {
            mask[code] = options.Actions.Contains(graph.Actions[code]);
        }
        return mask;
    }

    /// <summary>Distinct targets each account engaged with.</summary>
    private static int[] EngagedTargets(DetectionInput input, bool[] actions)
    {
        var engaged = new int[input.Accounts.Count];
        Parallel.ForEach(Partitioner.Create(0, engaged.Length, 4096), () => new List<int>(), (range, _, targets) =>
        {
            for (var a = range.Item1; a < range.Item2; a++)
            {
                var node = input.Accounts.Nodes[a];
                var neighbors = input.Graph.OutNeighbors(node);
                var codes = input.Graph.OutActions(node);
                targets.Clear();
                for (var i = 0; i < neighbors.Length; i++)
                {
                    if (actions[codes[i]])
                    {
                        targets.Add(neighbors[i]);
                    }
                }
                targets.Sort();
                var distinct = targets.Count > 0 ? 1 : 0;
                for (var i = 1; i < targets.Count; i++)
                {
                    distinct += targets[i] != targets[i - 1] ? 1 : 0;
                }
                engaged[a] = distinct;
            }
            return targets;
        }, _ => { });
        return engaged;
    }

    /// <summary>One edge per pair of accounts per target they acted on in step, weighted down in crowds.</summary>
    private EdgeList SharedTargetPairs(DetectionInput input, bool[] actions)
    {
        var graph = input.Graph;
        // One edge list per fixed range of targets, joined in range order: the build sums the weights of a
        // pair's shared targets, and a float sum must not depend on which thread took which range.
        var ranges = (graph.NodeCount + TargetsPerRange - 1) / TargetsPerRange;
        var parts = new EdgeList[ranges];
        Parallel.For(0, ranges,
            () => (Acts: new List<(int Time, int Account)>(), Crowd: new List<int>(), Seen: new HashSet<long>()),
            (r, _, local) =>
            {
                var edges = parts[r] = new EdgeList();
                for (var target = r * TargetsPerRange; target < Math.Min(graph.NodeCount, (r + 1) * TargetsPerRange); target++)
                {
                    Collect(input, target, actions, local.Acts);
                    if (local.Acts.Count < 2)
                    {
                        continue;
                    }
                    local.Seen.Clear();
                    var acts = local.Acts;
                    // Each action's crowd is every action within one window either side of it, so the
                    // thin tail of a viral burst still counts as the burst it belongs to.
                    var crowd = local.Crowd;
                    crowd.Clear();
                    for (int i = 0, from = 0, to = 0; i < acts.Count; i++)
                    {
                        while (acts[i].Time - acts[from].Time > options.WindowSeconds)
                        {
                            from++;
                        }
                        while (to < acts.Count && acts[to].Time - acts[i].Time <= options.WindowSeconds)
                        {
                            to++;
                        }
                        crowd.Add(to - from);
                    }
                    for (var i = 0; i < acts.Count; i++)
                    {
                        for (var j = i + 1; j < acts.Count && acts[j].Time - acts[i].Time <= options.WindowSeconds; j++)
                        {
                            var size = Math.Max(crowd[i], crowd[j]);
                            if (size > options.MaxAccountsPerWindow)
                            {
                                continue;
                            }
                            var (a, b) = (Math.Min(acts[i].Account, acts[j].Account), Math.Max(acts[i].Account, acts[j].Account));
                            if (a != b && local.Seen.Add(((long)a << 32) | (uint)b))
                            {
                                edges.Add(a, b, Math.Min(1f, (float)options.CrowdSize / size));
                            }
                        }
                    }
                }
                return local;
            },
            _ => { });
        return EdgeList.Concatenate(parts);
    }

    /// <summary>The engagements on <paramref name="target"/> by accounts, sorted by time.</summary>
    private static void Collect(DetectionInput input, int target, bool[] actions, List<(int Time, int Account)> acts)
    {
        acts.Clear();
        var sources = input.Graph.InNeighbors(target);
        var codes = input.Graph.InActions(target);
        var times = input.Graph.InTimes(target);
        for (var i = 0; i < sources.Length; i++)
        {
            var account = actions[codes[i]] ? input.Accounts.IndexOf(sources[i]) : -1;
            if (account >= 0)
            {
                acts.Add((times[i], account));
            }
        }
        acts.Sort();
    }
}
