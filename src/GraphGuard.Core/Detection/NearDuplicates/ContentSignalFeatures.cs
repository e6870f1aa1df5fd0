namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// Per-account aggregates of the upstream classifier scores of what the account wrote, for every signal
/// in the corpus: <c>content_{signal}_mean</c>, <c>_max</c> and <c>_flagged_share</c> (share of scored
/// items at or above the flag threshold). NaN where none of the account's items was scored.
/// </summary>
internal static class ContentSignalFeatures
{
    public static IEnumerable<(string Name, float[] Values)> Compute(ContentCorpus corpus, int accountCount, float flagThreshold)
    {
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
                flagged[a] += score >= flagThreshold ? 1 : 0;
                max[a] = float.IsNaN(max[a]) ? score : Math.Max(max[a], score);
            }
            var mean = new float[accountCount];
            var share = new float[accountCount];
            for (var a = 0; a < accountCount; a++)
            {
                mean[a] = scored[a] == 0 ? float.NaN : (float)(sum[a] / scored[a]);
                share[a] = scored[a] == 0 ? float.NaN : (float)flagged[a] / scored[a];
            }
            yield return ($"content_{signal}_mean", mean);
            yield return ($"content_{signal}_max", max);
            yield return ($"content_{signal}_flagged_share", share);
        }
    }
}
