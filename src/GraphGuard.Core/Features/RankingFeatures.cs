using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Features;

/// <summary>
/// Standing and trust: PageRank in the follow graph (who is followed by whom), SybilRank trust from
/// trusted seeds through shared context (Sybil regions receive little trust through few honest ties),
/// and how similar an account's shared-context neighbourhood is to its most similar peers'.
/// </summary>
public static class RankingFeatures
{
    public static void Add(FeatureTable table, CsrGraph follows, CsrGraph projection, IReadOnlyList<int> trustedSeeds)
    {
        var pagerank = table.Add("pagerank");
        var trust = table.Add("trust");
        var maxJaccard = table.Add("max_jaccard");
        var meanJaccard = table.Add("mean_top_jaccard");
        var maxAdamicAdar = table.Add("max_adamic_adar");
        var candidates = table.Add("similar_candidates");

        // Scaled by n so that an average account scores 1 whatever the world's size.
        var ranks = PageRank.Compute(follows).Scores;
        for (var a = 0; a < ranks.Length; a++)
        {
            pagerank[a] = (float)(ranks[a] * ranks.Length);
        }
        if (trustedSeeds.Count > 0)
        {
            var scores = SybilRank.Compute(projection, new SybilRankOptions { Seeds = trustedSeeds }).Scores;
            for (var a = 0; a < scores.Length; a++)
            {
                trust[a] = (float)scores[a];
            }
        }
        var similarity = NeighborSimilarity.Compute(projection, new NeighborSimilarityOptions { K = 5, HubDegreeCap = 1_000 });
        for (var a = 0; a < projection.NodeCount; a++)
        {
            var f = similarity.Features(a);
            maxJaccard[a] = (float)f.MaxJaccard;
            meanJaccard[a] = (float)f.MeanTopJaccard;
            maxAdamicAdar[a] = (float)f.MaxAdamicAdar;
            candidates[a] = f.Candidates;
        }
    }
}
