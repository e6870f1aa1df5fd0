using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection.Surprise;

public sealed partial class CoActivityDetector
{
    /// <summary>Connected groups of tied accounts, split into communities so that two groups one stray tie joins stay apart.</summary>
    private List<DetectedCluster> Clusters(DetectionInput input, bool[] mask, List<Tie> ties, double threshold)
    {
        var n = input.Accounts.Count;
        var sets = new DisjointSets(n);
        var tied = new HashSet<int>();
        foreach (var tie in ties)
        {
            sets.Union(tie.A, tie.B);
            tied.Add(tie.A);
            tied.Add(tie.B);
        }
        var clusters = new List<DetectedCluster>();
        var tiesOf = ties.GroupBy(t => sets.Find(t.A)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in sets.Groups(tied.Order(), _options.MinAccounts))
        {
            var local = new Dictionary<int, int>();
            for (var i = 0; i < group.Length; i++)
            {
                local[group[i]] = i;
            }
            var inside = tiesOf[sets.Find(group[0])];
            using var edges = new EdgeList();
            foreach (var t in inside)
            {
                edges.Add(local[t.A], local[t.B], (float)(t.Surprise / threshold));
            }
            var community = group.Length > 2 * _options.MinAccounts ? CommunitySplit.Run(group.Length, edges, _options.MaxCutShare) : new int[group.Length];
            foreach (var part in Enumerable.Range(0, group.Length).GroupBy(i => community[i]))
            {
                int[] members = [.. part.Select(i => group[i]).Order()];
                if (members.Length >= _options.MinAccounts && Cohesive(members, inside))
                {
                    clusters.Add(Cluster(input, mask, members, inside, threshold));
                }
            }
        }
        return clusters;
    }

    /// <summary>
    /// Chance ties join accounts into chains and trees (fewer ties than members); a group acting together
    /// ties most of its pairs, so its members average at least <see cref="CoActivityOptions.MinMeanTies"/>.
    /// </summary>
    private bool Cohesive(int[] members, List<Tie> ties)
    {
        var count = ties.Count(t => Array.BinarySearch(members, t.A) >= 0 && Array.BinarySearch(members, t.B) >= 0);
        return 2.0 * count / members.Length >= _options.MinMeanTies;
    }

    private DetectedCluster Cluster(DetectionInput input, bool[] mask, int[] members, List<Tie> ties, double threshold)
    {
        var mine = ties.Where(t => Array.BinarySearch(members, t.A) >= 0 && Array.BinarySearch(members, t.B) >= 0).ToList();
        var degree = new Dictionary<int, int>();
        foreach (var t in mine)
        {
            degree[t.A] = degree.GetValueOrDefault(t.A) + 1;
            degree[t.B] = degree.GetValueOrDefault(t.B) + 1;
        }
        var surprises = mine.Select(t => t.Surprise).Order().ToList();
        var median = surprises.Count == 0 ? threshold : surprises[surprises.Count / 2];
        // The scale most ties were found at names the window in the evidence.
        var window = mine.Count == 0 ? _options.Scales[0] : mine.GroupBy(t => t.Window).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var step = LockstepTargets.Of(input, members, mask, window);
        int[] core = [.. members.Where(a => degree.GetValueOrDefault(a) >= 2)];
        var evidence = new Evidence(EvidenceKind.CoActivity, new Dictionary<string, double>
        {
            ["accounts"] = members.Length,
            ["ties"] = mine.Count,
            ["targets"] = step.Targets,
            ["median_shared"] = mine.Count == 0 ? 0 : mine.Select(t => t.Targets).Order().ElementAt(mine.Count / 2),
            ["window_minutes"] = window / 60.0,
            ["log10_odds"] = median / Math.Log(10),
            ["threshold_log10"] = threshold / Math.Log(10),
            ["top_accounts"] = step.TopAccounts,
        }, step.TopTarget >= 0 ? [step.TopTarget] : []);
        // Every tie already beats the Bonferroni bar, so a cluster starts at one half and rises with its median tie.
        var score = Math.Clamp(1 - (0.5 * threshold / median), 0.5, 0.99);
        return new DetectedCluster(Name, members, core, score, [evidence]);
    }
}
