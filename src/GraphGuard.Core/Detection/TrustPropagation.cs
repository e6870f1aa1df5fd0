using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Detection;

/// <summary>
/// SybilRank-style trust (Cao et al. 2012) over the shared-context projection, from accounts labeled
/// benign and old active accounts. Trust is degree-normalized and propagation stops early, so it stays
/// high around honest accounts and stays low in a farm that has few ties to them. It flags no cluster
/// of its own: it is a feature, and evidence on the clusters other detectors find.
/// </summary>
public sealed class TrustPropagation(TrustOptions options) : IDetector
{
    /// <summary>The feature column this detector writes.</summary>
    public const string Feature = "trust";

    public string Name => "trust";

    public DetectorResult Detect(DetectionInput input)
    {
        var seeds = Seeds(input);
        var trust = new float[input.Accounts.Count];
        if (seeds.Count > 0)
        {
            using var projection = SharedContextProjection.Build(input.Graph, new ProjectionOptions());
            var result = SybilRank.Compute(projection.Graph, new SybilRankOptions { Seeds = seeds });
            for (var a = 0; a < trust.Length; a++)
            {
                trust[a] = (float)result.Scores[a];
            }
        }
        else
        {
            Array.Fill(trust, float.NaN);
        }
        return new DetectorResult([], [(Feature, trust)]);
    }

    private List<int> Seeds(DetectionInput input)
    {
        var seeds = new HashSet<int>(input.TrustedSeeds);
        var oldest = input.AsOf - (options.MinSeedAgeDays * 86_400L);
        for (var a = 0; a < input.Accounts.Count; a++)
        {
            var created = input.CreatedAt[a];
            if (created != long.MinValue && created <= oldest && input.Graph.OutDegree(input.Accounts.Nodes[a]) >= options.MinSeedActions)
            {
                seeds.Add(a);
            }
        }
        return [.. seeds.Order()];
    }
}
