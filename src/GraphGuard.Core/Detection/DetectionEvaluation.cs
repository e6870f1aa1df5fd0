namespace GraphGuard.Core.Detection;

/// <summary>
/// Scores flagged clusters against a synthetic world's truth, per planted pattern: recall is the share
/// of a campaign's accounts inside a flagged cluster whose majority is that campaign; purity is the share
/// of such clusters' members who belong to that campaign. Also counts benign accounts flagged, overall and
/// per look-alike family (as a share of everything flagged, and of the family itself).
/// </summary>
public static class DetectionEvaluation
{
    /// <param name="clusters">Flagged clusters as account ids.</param>
    /// <param name="truth">Campaign and pattern of every planted account, by account id.</param>
    /// <param name="lookalikes">Kind of look-alike (viral_fans, family, ...) of legitimate accounts, by account id.</param>
    public static DetectionScorecard Score(IReadOnlyList<IReadOnlyList<string>> clusters,
        IReadOnlyDictionary<string, (string Campaign, string Pattern)> truth, IReadOnlyDictionary<string, string> lookalikes)
    {
        var caught = new Dictionary<string, int>();          // campaign -> accounts in a cluster it dominates
        var dominated = new Dictionary<string, (long Majority, long Size)>(); // pattern -> over clusters it dominates
        var flagged = new HashSet<string>();
        foreach (var members in clusters)
        {
            flagged.UnionWith(members);
            var top = members.Where(truth.ContainsKey).GroupBy(m => truth[m].Campaign)
                .Select(g => (Campaign: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Campaign, StringComparer.Ordinal).FirstOrDefault();
            if (top.Campaign is null || 2 * top.Count < members.Count)
            {
                continue;
            }
            caught[top.Campaign] = caught.GetValueOrDefault(top.Campaign) + top.Count;
            var pattern = truth[members.First(m => truth.TryGetValue(m, out var t) && t.Campaign == top.Campaign)].Pattern;
            var (majority, size) = dominated.GetValueOrDefault(pattern);
            dominated[pattern] = (majority + top.Count, size + members.Count);
        }
        var rows = truth.Values.GroupBy(t => t.Pattern).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var campaigns = g.Select(t => t.Campaign).Distinct().ToList();
            var accounts = g.Count();
            var found = campaigns.Sum(c => caught.GetValueOrDefault(c));
            var (majority, size) = dominated.GetValueOrDefault(g.Key);
            return new PatternScore(g.Key, campaigns.Count, accounts, (double)found / accounts, size == 0 ? double.NaN : (double)majority / size);
        }).ToList();
        var benign = flagged.Count(a => !truth.ContainsKey(a));
        var byFamily = lookalikes.GroupBy(l => l.Value).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var caughtHere = g.Count(l => flagged.Contains(l.Key));
            return new LookalikeScore(g.Key, g.Count(), caughtHere, flagged.Count == 0 ? 0 : (double)caughtHere / flagged.Count);
        }).ToList();
        return new DetectionScorecard(rows, clusters.Count, flagged.Count, benign, byFamily);
    }
}
