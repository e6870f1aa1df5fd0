namespace GraphGuard.Learning.Sage;

/// <summary>Area under the ROC curve by ranks (the Mann–Whitney U statistic), ties sharing their mean rank.</summary>
internal static class Auroc
{
    /// <summary>AUROC of <paramref name="scores"/> against <paramref name="labels"/>; NaN when either class is absent.</summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double positiveRankSum = 0;
        long positives = 0;
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            while (j < keys.Length && keys[j] == keys[i])
            {
                j++;
            }
            var meanRank = ((i + 1) + j) / 2.0;
            for (var t = i; t < j; t++)
            {
                if (labels[order[t]])
                {
                    positiveRankSum += meanRank;
                    positives++;
                }
            }
            i = j;
        }
        long negatives = scores.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
