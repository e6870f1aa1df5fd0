namespace GraphGuard.Core.Detection;

/// <summary>
/// Which cluster of the previous detection run each cluster of this run continues: the campaign identity that
/// lets an analyst follow one campaign across runs. Members are stable account ids (sorted ascending).
/// </summary>
/// <remarks>
/// Implementation note: pairs are taken greedily, most similar first (Jaccard), each cluster at most once,
/// and a pair counts only when its common members make up at least <see cref="MinContainment"/> of the
/// smaller cluster — the rule merging uses within a run, so a campaign that grew from 50 to 200 accounts
/// (Jaccard 0.25, all 50 still there) continues, while a campaign that only swallowed a few accounts of
/// another does not take that one's id. Ordering by Jaccard rather than containment keeps a large campaign
/// that went on largely unchanged from losing its id to a small cluster absorbed into it.
/// </remarks>
public static class CampaignMatching
{
    /// <summary>The share of the smaller cluster that must be common to both for one to continue the other.</summary>
    public const double MinContainment = 0.5;

    /// <summary>For each current cluster, the index of the previous cluster it continues, or -1 for a new campaign.</summary>
    public static int[] Match(IReadOnlyList<int[]> previous, IReadOnlyList<int[]> current)
    {
        var previousOf = new Dictionary<int, List<int>>();
        for (var p = 0; p < previous.Count; p++)
        {
            foreach (var account in previous[p])
            {
                if (!previousOf.TryGetValue(account, out var list))
                {
                    previousOf[account] = list = [];
                }
                list.Add(p);
            }
        }
        var candidates = new List<(double Jaccard, int Common, int Current, int Previous)>();
        var common = new Dictionary<int, int>();
        for (var c = 0; c < current.Count; c++)
        {
            common.Clear();
            foreach (var account in current[c])
            {
                if (previousOf.TryGetValue(account, out var list))
                {
                    foreach (var p in list)
                    {
                        common[p] = common.GetValueOrDefault(p) + 1;
                    }
                }
            }
            foreach (var (p, shared) in common)
            {
                if (shared >= MinContainment * Math.Min(previous[p].Length, current[c].Length))
                {
                    candidates.Add(((double)shared / (previous[p].Length + current[c].Length - shared), shared, c, p));
                }
            }
        }
        var match = Enumerable.Repeat(-1, current.Count).ToArray();
        var taken = new bool[previous.Count];
        foreach (var (_, _, c, p) in candidates
            .OrderByDescending(x => x.Jaccard).ThenByDescending(x => x.Common).ThenBy(x => x.Current).ThenBy(x => x.Previous))
        {
            if (match[c] < 0 && !taken[p])
            {
                match[c] = p;
                taken[p] = true;
            }
        }
        return match;
    }
}
