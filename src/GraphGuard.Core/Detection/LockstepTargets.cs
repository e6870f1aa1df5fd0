namespace GraphGuard.Core.Detection;

/// <summary>
/// How a group acted in step: targets on which at least three members acted within one window, how
/// many such windows, and the largest crowd of members on one target in one window.
/// </summary>
internal sealed record LockstepTargets(int Targets, IReadOnlyList<(int Target, int Start)> Windows, int TopAccounts, int TopTarget)
{
    private const int MinMembersInStep = 3;

    /// <summary>
    /// Accounts outside the group that joined at least <paramref name="minWindows"/> of its windows: members
    /// who took part in too few actions to be tied to the others, found through the group's own windows
    /// (those the group dominates; a window in a crowd says nothing about who else belongs).
    /// </summary>
    public int[] Joiners(DetectionInput input, int[] members, bool[] actions, int windowSeconds, int minWindows)
    {
        var joined = new Dictionary<int, int>();
        var inWindow = new HashSet<int>();
        foreach (var (target, start) in Windows)
        {
            inWindow.Clear();
            var sources = input.Graph.InNeighbors(target);
            var times = input.Graph.InTimes(target);
            var codes = input.Graph.InActions(target);
            for (var i = 0; i < sources.Length; i++)
            {
                var a = input.Accounts.IndexOf(sources[i]);
                if (a >= 0 && actions[codes[i]] && times[i] >= start - windowSeconds && times[i] <= start + (2 * windowSeconds))
                {
                    inWindow.Add(a);
                }
            }
            // A window where outsiders outnumber the group is a crowd's (a viral post's), not the group's.
            var outsiders = inWindow.Count(a => Array.BinarySearch(members, a) < 0);
            if (outsiders * 2 > inWindow.Count)
            {
                continue;
            }
            foreach (var a in inWindow)
            {
                joined[a] = joined.GetValueOrDefault(a) + 1;
            }
        }
        return [.. joined.Where(j => j.Value >= minWindows && Array.BinarySearch(members, j.Key) < 0).Select(j => j.Key).Order()];
    }

    public static LockstepTargets Of(DetectionInput input, int[] members, bool[] actions, int windowSeconds)
    {
        var graph = input.Graph;
        var byTarget = new Dictionary<int, List<(int Time, int Account)>>();
        foreach (var a in members)
        {
            var node = input.Accounts.Nodes[a];
            var targets = graph.OutNeighbors(node);
            var times = graph.OutTimes(node);
            var codes = graph.OutActions(node);
            for (var i = 0; i < targets.Length; i++)
            {
                if (actions[codes[i]])
                {
                    if (!byTarget.TryGetValue(targets[i], out var acts))
                    {
                        byTarget[targets[i]] = acts = [];
                    }
                    acts.Add((times[i], a));
                }
            }
        }
        int inStep = 0, top = 0, topTarget = -1;
        var windows = new List<(int Target, int Start)>();
        foreach (var (target, acts) in byTarget.OrderBy(t => t.Key))
        {
            acts.Sort();
            var best = 0;
            var next = int.MinValue;
            for (int i = 0, end = 0; i < acts.Count; i++)
            {
                end = Math.Max(end, i);
                while (end < acts.Count && acts[end].Time - acts[i].Time <= windowSeconds)
                {
                    end++;
                }
                var crowd = acts.Skip(i).Take(end - i).Select(x => x.Account).Distinct().Count();
                best = Math.Max(best, crowd);
                // Count windows that do not overlap, so one burst is one window.
                if (crowd >= MinMembersInStep && acts[i].Time >= next)
                {
                    windows.Add((target, acts[i].Time));
                    next = acts[i].Time + windowSeconds;
                }
            }
            if (best >= MinMembersInStep)
            {
                inStep++;
            }
            if (best > top)
            {
                (top, topTarget) = (best, target);
            }
        }
        return new LockstepTargets(inStep, windows, top, topTarget);
    }
}
