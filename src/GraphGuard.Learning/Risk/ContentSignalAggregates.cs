using GraphGuard.Core.Detection;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// Per account and upstream content signal, over the posts and comments it wrote: <c>content_{signal}_mean</c>,
/// <c>_max</c> and <c>_flagged_share</c> (share of scored items at or above the flag threshold); NaN where
/// none of its items was scored. The names are those the near-duplicate detector writes, so the risk
/// model computes them only when detection did not.
/// </summary>
// REVIEW: the same aggregates as ContentSignalFeatures on branch detectors-content-blocks; once that lands,
// the detection report carries them and this class can go.
public static class ContentSignalAggregates
{
    /// <summary>A score at or above this counts the item as flagged.</summary>
    public const float FlagThreshold = 0.5f;

    /// <summary>The three names for one signal, in the order <see cref="Compute"/> returns them.</summary>
    public static string[] Names(string signal) => [$"content_{signal}_mean", $"content_{signal}_max", $"content_{signal}_flagged_share"];

    public static IReadOnlyList<(string Name, float[] Values)> Compute(ContentCorpus corpus, int accountCount)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var columns = new List<(string, float[])>();
        foreach (var (signal, scores) in corpus.Signals.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var sum = new double[accountCount];
            var scored = new int[accountCount];
            var flagged = new int[accountCount];
            var max = new float[accountCount];
            Array.Fill(max, float.NaN);
            for (var item = 0; item < corpus.Count; item++)
            {
                var (a, score) = (corpus.Authors[item], scores[item]);
                if (a < 0 || float.IsNaN(score))
                {
                    continue;
                }
                sum[a] += score;
                scored[a]++;
                flagged[a] += score >= FlagThreshold ? 1 : 0;
                max[a] = float.IsNaN(max[a]) ? score : Math.Max(max[a], score);
            }
            var mean = new float[accountCount];
            var share = new float[accountCount];
            for (var a = 0; a < accountCount; a++)
            {
                mean[a] = scored[a] == 0 ? float.NaN : (float)(sum[a] / scored[a]);
                share[a] = scored[a] == 0 ? float.NaN : (float)flagged[a] / scored[a];
            }
            var names = Names(signal);
            columns.Add((names[0], mean));
            columns.Add((names[1], max));
            columns.Add((names[2], share));
        }
        return columns;
    }
}
