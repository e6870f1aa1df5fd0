using System.Diagnostics;
using GraphGuard.Core.Features;

namespace GraphGuard.Core.Detection;

/// <summary>Runs every detector over one snapshot, merges and scores their clusters, and gathers their features.</summary>
public static class CoordinationDetection
{
    /// <summary>The detectors a pass runs, in order.</summary>
    public static IReadOnlyList<IDetector> Detectors(DetectionOptions options) =>
    [
        new SharedInfrastructureDetector(options.SharedInfrastructure),
        new LockstepDetector(options.Lockstep),
        new CreationBurstDetector(options.CreationBurst),
        new NearDuplicates.NearDuplicateContentDetector(options.NearDuplicate),
        new Media.ReusedMediaDetector(options.ReusedMedia),
        new DenseBlocks.DenseBlockDetector(options.DenseBlock),
        new Surprise.CoActivityDetector(options.CoActivity),
        new Surprise.ReciprocalBlockDetector(Surprise.ReciprocalRelation.Follows, options.ReciprocalFollow),
        new Surprise.ReciprocalBlockDetector(Surprise.ReciprocalRelation.Engagement, options.ReciprocalEngagement),
        new Surprise.TakeoverDetector(options.Takeover),
        new TrustPropagation(options.Trust),
    ];

    /// <param name="input">The snapshot and its per-account facts.</param>
    /// <param name="options">Settings.</param>
    /// <param name="progress">Told each detector's name as it starts.</param>
    public static DetectionReport Run(DetectionInput input, DetectionOptions options, IProgress<string>? progress = null)
    {
        var found = new List<DetectedCluster>();
        var table = new FeatureTable(input.Accounts.Nodes);
        var timings = new List<(string, TimeSpan)>();
        float[]? trust = null;
        foreach (var detector in Detectors(options))
        {
            progress?.Report(detector.Name);
            var clock = Stopwatch.StartNew();
            var result = detector.Detect(input);
            timings.Add((detector.Name, clock.Elapsed));
            found.AddRange(result.Clusters);
            foreach (var (name, values) in result.Features)
            {
                values.CopyTo(table.Add(name), 0);
                trust = name == TrustPropagation.Feature ? values : trust;
            }
        }
        var merging = Stopwatch.StartNew();
        List<CandidateCluster> candidates = [.. ClusterMerger.Merge(found, options.MinOverlap)
            .Select(m => new CandidateCluster(m.Members, m.Core, m.Sources, ClusterMerger.CombinedScore(m.Sources)))];
        var clusters = new List<CoordinatedCluster>();
        foreach (var (candidate, score, explanation) in Verified(candidates, options.Verification))
        {
            var (members, core, sources) = (candidate.Members, candidate.Core, candidate.Sources);
            var evidence = sources.SelectMany(s => s.Evidence).ToList();
            if (explanation is not null)
            {
                evidence.Add(explanation);
            }
            if (trust is not null && TrustEvidence(trust, members) is { } low)
            {
                evidence.Add(low);
            }
            var (first, last) = Activity(input, members);
            clusters.Add(new CoordinatedCluster(members, core, [.. sources.Select(s => s.Detector).Distinct().Order()], score, evidence, first, last));
        }
        clusters.Sort((x, y) => y.Score.CompareTo(x.Score) is var byScore and not 0 ? byScore : x.Members[0].CompareTo(y.Members[0]));
        AddClusterFeatures(table, clusters, input.Accounts.Count);
        timings.Add(("merge", merging.Elapsed));
        return new DetectionReport(clusters, table.ToMatrix(), timings, candidates);
    }

    /// <summary>
    /// The candidates verification keeps, each with the members that have evidence of their own, its verified
    /// score and the organic explanation that cost it score, if any. Evaluation calls it again with other thresholds, without detecting again.
    /// </summary>
    public static IEnumerable<(CandidateCluster Candidate, double Score, Evidence? Explanation)> Verified(
        IEnumerable<CandidateCluster> candidates, VerificationOptions options)
    {
        foreach (var candidate in candidates)
        {
            var (score, explanation) = ClusterVerification.Verify(candidate.Sources, candidate.Score, options);
            if (score >= options.MinScore)
            {
                var vouched = ClusterVerification.Vouched(candidate.Sources, options);
                yield return (vouched is null ? candidate : candidate with
                {
                    Members = [.. candidate.Members.Where(vouched.Contains)],
                    Core = [.. candidate.Core.Where(vouched.Contains)],
                }, score, explanation);
            }
        }
    }

    private static Evidence? TrustEvidence(float[] trust, int[] members)
    {
        var all = trust.Where(float.IsFinite).DefaultIfEmpty(0).Average();
        var mine = members.Select(a => trust[a]).Where(float.IsFinite).DefaultIfEmpty(0).Average();
        return new Evidence(EvidenceKind.LowTrust, new Dictionary<string, double> { ["mean_trust"] = mine, ["population_mean"] = all }, []);
    }

    private static (int First, int Last) Activity(DetectionInput input, int[] members)
    {
        int first = int.MaxValue, last = int.MinValue;
        foreach (var a in members)
        {
            foreach (var t in input.Graph.OutTimes(input.Accounts.Nodes[a]))
            {
                first = Math.Min(first, t);
                last = Math.Max(last, t);
            }
        }
        return first > last ? (0, 0) : (first, last);
    }

    private static void AddClusterFeatures(FeatureTable table, List<CoordinatedCluster> clusters, int accounts)
    {
        var score = table.Add("cluster_score");
        var size = table.Add("cluster_size");
        var detectors = table.Add("cluster_detectors");
        for (var a = 0; a < accounts; a++)
        {
            score[a] = size[a] = detectors[a] = 0;
        }
        foreach (var c in clusters)
        {
            foreach (var a in c.Members)
            {
                if (c.Score > score[a])
                {
                    (score[a], size[a], detectors[a]) = ((float)c.Score, c.Members.Length, c.Detectors.Count);
                }
            }
        }
    }
}
