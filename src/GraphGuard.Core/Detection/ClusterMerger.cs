namespace GraphGuard.Core.Detection;

/// <summary>
/// Merges clusters from different detectors that describe the same group: two clusters merge when their
/// common members make up at least a given share of the smaller one. A merged cluster's score is the
/// noisy-or of each detector's best score, so agreeing detectors raise it and one detector alone keeps its own.
/// </summary>
internal static class ClusterMerger
{
    public static List<(int[] Members, int[] Core, List<DetectedCluster> Sources)> Merge(IReadOnlyList<DetectedCluster> clusters, double minOverlap)
    {
        var sets = new DisjointSets(clusters.Count);
        var clustersOf = new Dictionary<int, List<int>>();
        for (var c = 0; c < clusters.Count; c++)
        {
            foreach (var a in clusters[c].Members)
            {
                if (!clustersOf.TryGetValue(a, out var list))
                {
                    clustersOf[a] = list = [];
                }
                list.Add(c);
            }
        }
        var common = new Dictionary<(int, int), int>();
        foreach (var list in clustersOf.Values)
        {
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    common[(list[i], list[j])] = common.GetValueOrDefault((list[i], list[j])) + 1;
                }
            }
        }
        foreach (var ((c, d), shared) in common.OrderBy(p => p.Key))
        {
            if (shared >= minOverlap * Math.Min(clusters[c].Members.Length, clusters[d].Members.Length))
            {
                sets.Union(c, d);
            }
        }
        return [.. sets.Groups(Enumerable.Range(0, clusters.Count), 1).Select(group =>
        {
            var sources = group.Select(c => clusters[c]).ToList();
            int[] members = [.. sources.SelectMany(s => s.Members).Distinct().Order()];
            int[] core = [.. sources.SelectMany(s => s.Core).Distinct().Order()];
            return (members, core, sources);
        })];
    }

    /// <summary>Noisy-or over detectors of each detector's best score.</summary>
    public static double CombinedScore(IEnumerable<DetectedCluster> sources) =>
        1 - sources.GroupBy(s => s.Detector).Aggregate(1.0, (miss, g) => miss * (1 - g.Max(s => s.Score)));
}
