namespace GraphGuard.Core.Detection;

/// <summary>
/// How a group acted in step: targets on which at least three members acted within one window, how
/// many such windows, and the largest crowd of members on one target in one window.
/// </summary>
internal sealed record LockstepTargets(int Targets, int Windows, int TopAccounts, int TopTarget)
{
    private const int MinMembersInStep = 3;

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
        int inStep = 0, windows = 0, top = 0, topTarget = -1;
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
                    windows++;
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
