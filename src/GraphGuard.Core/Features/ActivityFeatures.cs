using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Features;

/// <summary>
/// What an account did and had done to it in the window, read off the interaction graph: degree per
/// action and per target kind, followers, distinct devices and IPs, in/out balance, and account age.
/// </summary>
public static class ActivityFeatures
{
    public static void Add(FeatureTable table, InteractionGraph graph, AccountIndex accounts, long[] createdAtSeconds, DateTime windowEnd)
    {
        var outByAction = graph.Actions.Select((name, code) => (name, code)).Where(a => a.name.Length > 0)
            .Select(a => (a.code, Column: table.Add($"out_{a.name}"))).ToArray();
        var outByKind = EntityKinds.All.Select(k => (Kind: k, Column: table.Add($"out_to_{k.WireName()}"))).ToArray();
        var outDegree = table.Add("out_degree");
        var inDegree = table.Add("in_degree");
        var followers = table.Add("followers");
        var inOutRatio = table.Add("in_out_ratio");
        var devices = table.Add("distinct_devices");
        var ips = table.Add("distinct_ips");
        var activeDays = table.Add("active_days");
        var age = table.Add("account_age_days");
        var follow = graph.ActionCode(WellKnownActions.Follow);
        var windowEndSeconds = (long)(windowEnd - graph.TimeBase).TotalSeconds;

        Parallel.For(0, accounts.Count, () => new HashSet<int>(), (a, _, seen) =>
        {
            var v = accounts.Nodes[a];
            var targets = graph.OutNeighbors(v);
            var actions = graph.OutActions(v);
            var times = graph.OutTimes(v);
            Span<int> perAction = stackalloc int[256];
            Span<int> perKind = stackalloc int[256];
            perAction.Clear();
            perKind.Clear();
            for (var i = 0; i < targets.Length; i++)
            {
                perAction[actions[i]]++;
                perKind[(int)graph.Kind(targets[i])]++;
            }
            foreach (var (code, column) in outByAction)
            {
                column[a] = perAction[code];
            }
            foreach (var (kind, column) in outByKind)
            {
                column[a] = perKind[(int)kind];
            }
            outDegree[a] = targets.Length;
            inDegree[a] = graph.InDegree(v);
            followers[a] = follow < 0 ? 0 : Count(graph.InActions(v), (byte)follow);
            inOutRatio[a] = (float)((graph.InDegree(v) + 1.0) / (targets.Length + 1.0));
            devices[a] = Distinct(graph, targets, EntityKind.Device, seen);
            ips[a] = Distinct(graph, targets, EntityKind.Ip, seen);
            seen.Clear();
            foreach (var t in times)
            {
                seen.Add((int)Math.Floor(t / 86400.0));
            }
            activeDays[a] = seen.Count;
            seen.Clear();
            var created = createdAtSeconds[a];
            age[a] = created == long.MinValue ? float.NaN : (float)((windowEndSeconds - created) / 86400.0);
            return seen;
        }, _ => { });
    }

    private static int Count(ReadOnlySpan<byte> actions, byte code)
    {
        var count = 0;
        foreach (var a in actions)
        {
            count += a == code ? 1 : 0;
        }
        return count;
    }

    private static int Distinct(InteractionGraph graph, ReadOnlySpan<int> targets, EntityKind kind, HashSet<int> seen)
    {
        seen.Clear();
        foreach (var t in targets)
        {
            if (graph.Kind(t) == kind)
            {
                seen.Add(t);
            }
        }
        return seen.Count;
    }
}
