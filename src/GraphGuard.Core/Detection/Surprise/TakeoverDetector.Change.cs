using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Detection.Surprise;

public sealed partial class TakeoverDetector
{
    /// <summary>
    /// One account around its move at <see cref="At"/>: whether what it does changed beyond chance, and its
    /// actions per day over the lookback before and the week after.
    /// </summary>
    private sealed record MemberChange(int Account, int At, bool Changed, double RateBefore, double RateAfter);

    /// <summary>
    /// Per kind of action, the account's count over each horizon after <paramref name="at"/> against its own rate
    /// over the lookback before (plus half an action, so a dormant account's rate is small, not zero).
    /// </summary>
    private MemberChange Change(DetectionInput input, int account, int at, long start)
    {
        const double day = 86_400;
        var graph = input.Graph;
        var node = input.Accounts.Nodes[account];
        var targets = graph.OutNeighbors(node);
        var times = graph.OutTimes(node);
        var codes = graph.OutActions(node);
        var horizons = _options.HorizonSeconds;
        var before = new int[graph.Actions.Count];
        var after = new int[horizons.Count, graph.Actions.Count];
        var from = Math.Max(start, (long)at - _options.LookbackSeconds);
        for (var i = 0; i < targets.Length; i++)
        {
            if (IsInfrastructure(graph.Kind(targets[i])) || graph.Kind(targets[i]) == EntityKind.Payment)
            {
                continue;
            }
            if (times[i] < at && times[i] >= from)
            {
                before[codes[i]]++;
            }
            for (var h = 0; h < horizons.Count; h++)
            {
                if (times[i] >= at && times[i] < (long)at + horizons[h])
                {
                    after[h, codes[i]]++;
                }
            }
        }
        var beforeDays = Math.Max(day, at - from) / day;
        var bar = Math.Log(graph.Actions.Count * horizons.Count / _options.FalseChangeRate);
        var changed = false;
        for (var h = 0; h < horizons.Count && !changed; h++)
        {
            var afterDays = Math.Min(horizons[h], input.AsOf - at) / day;
            for (var code = 0; code < before.Length && afterDays > 0 && !changed; code++)
            {
                changed = PoissonTail.Surprise(after[h, code], (before[code] + 0.5) / beforeDays * afterDays) >= bar;
            }
        }
        var week = horizons.Count > 1 ? 1 : 0;
        var weekDays = Math.Max(1, Math.Min(horizons[week], input.AsOf - at)) / day;
        var afterWeek = 0;
        for (var code = 0; code < before.Length; code++)
        {
            afterWeek += after[week, code];
        }
        return new MemberChange(account, at, changed, before.Sum() / beforeDays, afterWeek / weekDays);
    }

    /// <summary>Targets (not devices or addresses) two or more members acted on after their move and none before it.</summary>
    private static int NewTargets(DetectionInput input, List<MemberChange> changes)
    {
        var graph = input.Graph;
        var touchedBefore = new HashSet<int>();
        var actorsAfter = new Dictionary<int, HashSet<int>>();
        foreach (var change in changes)
        {
            var node = input.Accounts.Nodes[change.Account];
            var targets = graph.OutNeighbors(node);
            var times = graph.OutTimes(node);
            for (var i = 0; i < targets.Length; i++)
            {
                if (IsInfrastructure(graph.Kind(targets[i])) || graph.Kind(targets[i]) == EntityKind.Payment)
                {
                    continue;
                }
                if (times[i] < change.At)
                {
                    touchedBefore.Add(targets[i]);
                }
                else
                {
                    if (!actorsAfter.TryGetValue(targets[i], out var actors))
                    {
                        actorsAfter[targets[i]] = actors = [];
                    }
                    actors.Add(change.Account);
                }
            }
        }
        return actorsAfter.Count(t => t.Value.Count >= 2 && !touchedBefore.Contains(t.Key));
    }
}
