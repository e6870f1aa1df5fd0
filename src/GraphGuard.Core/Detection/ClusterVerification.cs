namespace GraphGuard.Core.Detection;

/// <summary>
/// Decides whether a merged cluster is flagged. Detectors that read the same signal are one witness
/// (co-activity, lockstep and dense blocks all read who acted on what when); a cluster is flagged when
/// two independent witnesses agree, or when one detector that tests against its own null model fired
/// (its tie bar already makes chance groups rare). Otherwise the cluster's score is halved, and the
/// organic explanation that fits it is written into its evidence.
/// </summary>
internal static class ClusterVerification
{
    /// <summary>Why a cluster may be organic; the numbers <see cref="EvidenceSentence"/> renders.</summary>
    public enum Explanation
    {
        None = 0,
        RegisteredTogetherOnly = 1,
        SharedAddressesOnly = 2,
        CopiedOnce = 3,
    }

    public static (double Score, Evidence? Explanation) Verify(IReadOnlyList<DetectedCluster> sources, double score, VerificationOptions options)
    {
        var witnesses = sources.Select(s => Signal(s.Detector)).Distinct().Count();
        if (witnesses >= 2 || sources.Any(s => SelfTested(s, options)))
        {
            return (score, null);
        }
        var reason = sources.All(s => s.Detector is "creation_burst" or "shared_infrastructure") && sources.Any(s => s.Detector == "creation_burst")
            ? Explanation.RegisteredTogetherOnly
            : sources.All(s => s.Detector == "shared_infrastructure") ? Explanation.SharedAddressesOnly
            : sources.All(s => s.Detector == "near_duplicate") ? Explanation.CopiedOnce : Explanation.None;
        var evidence = new Evidence(EvidenceKind.OrganicExplanation, new Dictionary<string, double>
        {
            ["reason"] = (int)reason,
            ["max_per_device"] = sources.Max(s => s.Evidence.Count > 0 ? s.Evidence[0]["top_accounts"] : 0),
        }, []);
        return (score * options.Penalty, evidence);
    }

    /// <summary>
    /// The members a flagged cluster keeps where a self-tested detector vouches for it: those such detectors
    /// found, and those two independent witnesses saw. A member only a weaker detector placed there (a fan with
    /// one lockstep tie to the brigade under its creator's posts) has no evidence of its own and is not pulled
    /// in, unless that detector's group is mostly members vouched for (it found the same campaign). Null keeps
    /// every member: the cluster passed because independent witnesses agree.
    /// </summary>
    public static HashSet<int>? Vouched(IReadOnlyList<DetectedCluster> sources, VerificationOptions options)
    {
        var tested = sources.Where(s => SelfTested(s, options)).ToList();
        if (tested.Count == 0)
        {
            return null;
        }
        var kept = tested.SelectMany(s => s.Members).ToHashSet();
        var signals = new Dictionary<int, HashSet<string>>();
        foreach (var source in sources)
        {
            foreach (var a in source.Members)
            {
                if (!signals.TryGetValue(a, out var seen))
                {
                    signals[a] = seen = [];
                }
                seen.Add(Signal(source.Detector));
            }
        }
        kept.UnionWith(signals.Where(p => p.Value.Count >= 2).Select(p => p.Key));
        // A weaker detector whose group is mostly members already vouched for found the same campaign, and
        // speaks for the rest of its group; one whose group is mostly others found another crowd.
        var vouched = kept.ToHashSet();
        foreach (var source in sources.Where(s => !SelfTested(s, options)))
        {
            if (2 * source.Members.Count(vouched.Contains) >= source.Members.Length)
            {
                kept.UnionWith(source.Members);
            }
        }
        return kept;
    }

    /// <summary>The signal a detector reads; detectors reading the same one are not independent.</summary>
    private static string Signal(string detector) => detector switch
    {
        "lockstep" or "co_activity" or "dense_block" => "timing",
        "shared_infrastructure" or "creation_burst" or "takeover" => "infrastructure",
        _ => detector,
    };

    /// <summary>
    /// Detectors whose clusters rest on a null model (co-activity, reciprocal follows or engagement, takeovers, reused media) or on a
    /// fact no organic group shows: each member posting the shared text again and again (a crowd posts the
    /// news or a contest's entry about once each), or devices (not just addresses) shared by more accounts
    /// than a household has.
    /// </summary>
    private static bool SelfTested(DetectedCluster cluster, VerificationOptions options) => cluster.Detector switch
    {
        "co_activity" or "reciprocal_follows" or "reciprocal_engagement" or "takeover" or "reused_media" => true,
        "near_duplicate" => cluster.Evidence.Count > 0 && cluster.Evidence[0]["items"] >= options.MinCopiesPerAccount * cluster.Evidence[0]["accounts"],
        "shared_infrastructure" => cluster.Evidence.Count > 0 && cluster.Evidence[0]["devices"] + cluster.Evidence[0]["phones"] > 0,
        _ => false,
    };
}
