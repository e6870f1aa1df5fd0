namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// Averages two models by rank: each score becomes its rank within its part (validation or test) scaled to [0, 1],
/// then (1 - w) of the first plus w of the second. The weight w is the one with the best validation AUPRC on a
/// fixed grid, so the test rows never take part in the choice.
/// </summary>
public static class RankBlend
{
    /// <summary>Weights of the second model tried, 0 (the first model alone) included.</summary>
    public static IReadOnlyList<double> Weights { get; } = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

    /// <summary>The blend with the weight chosen on <paramref name="validationLabels"/>, and that weight.</summary>
    public static (SplitScores Scores, double Weight) Choose(SplitScores first, SplitScores second, ReadOnlySpan<bool> validationLabels)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var (a, b) = (Ranks(first.Validation), Ranks(second.Validation));
        var best = (Weight: 0.0, Auprc: double.NegativeInfinity);
        foreach (var weight in Weights)
        {
            var auprc = BinaryMetrics.AveragePrecision(Mix(a, b, weight), validationLabels);
            // Strictly better only: ties keep the smaller weight, the simpler model.
            if (auprc > best.Auprc)
            {
                best = (weight, auprc);
            }
        }
        var blended = new SplitScores(Mix(a, b, best.Weight), Mix(Ranks(first.Test), Ranks(second.Test), best.Weight));
        return (blended, best.Weight);
    }

    private static float[] Mix(float[] a, float[] b, double weight)
    {
        var mixed = new float[a.Length];
        for (var i = 0; i < mixed.Length; i++)
        {
            mixed[i] = (float)(((1 - weight) * a[i]) + (weight * b[i]));
        }
        return mixed;
    }

    /// <summary>Average ranks (ties share theirs), scaled to [0, 1].</summary>
    internal static float[] Ranks(float[] scores)
    {
        var (keys, order) = ScoreOrder.Ascending<int>(scores, [.. Enumerable.Range(0, scores.Length)]);
        var ranks = new float[scores.Length];
        var scale = 1f / Math.Max(1, scores.Length - 1);
        for (var start = 0; start < keys.Length;)
        {
            var end = start;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }
            var rank = (start + end - 1) / 2f * scale;
            for (var i = start; i < end; i++)
            {
                ranks[order[i]] = rank;
            }
            start = end;
        }
        return ranks;
    }
}
