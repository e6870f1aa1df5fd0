namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// Ranking metrics for a binary detector (GADBench's AUROC, AUPRC and Recall@K), defined as scikit-learn
/// defines them. Tied scores are one threshold: they are never ordered among themselves.
/// </summary>
public static class BinaryMetrics
{
    /// <summary>AUROC, AUPRC and Recall@K (K = number of positives) in one pass.</summary>
    public static BinaryEvaluation Evaluate(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        var groups = TieGroups(scores, labels, out int positives, out int negatives);
        return new BinaryEvaluation(
            Auroc(groups, positives, negatives),
            AveragePrecision(groups, positives),
            RecallAt(groups, positives, positives));
    }

    /// <summary>
    /// Area under the ROC curve: the chance that a random positive scores above a random negative, a tie
    /// counting one half (the Mann-Whitney statistic with average ranks, as <c>roc_auc_score</c>).
    /// </summary>
    public static double Auroc(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        var groups = TieGroups(scores, labels, out int positives, out int negatives);
        return Auroc(groups, positives, negatives);
    }

    /// <summary>
    /// Area under the precision-recall curve as average precision (<c>average_precision_score</c>):
    /// the sum over thresholds of (recall gained) x (precision there), with no interpolation.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        var groups = TieGroups(scores, labels, out int positives, out _);
        return AveragePrecision(groups, positives);
    }

    /// <summary>
    /// Share of all positives among the <paramref name="k"/> highest scores (by default K = number of
    /// positives, where recall equals precision). Ties across the cut count in proportion, which is the expected
    /// value of breaking them at random.
    /// </summary>
    public static double RecallAtK(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels, int? k = null)
    {
        var groups = TieGroups(scores, labels, out int positives, out _);
        int cut = k ?? positives;
        ArgumentOutOfRangeException.ThrowIfNegative(cut, nameof(k));
        return RecallAt(groups, positives, cut);
    }

    private static double Auroc(TieGroup[] groups, int positives, int negatives)
    {
        if (negatives == 0)
        {
            throw new ArgumentException("AUROC needs at least one negative.");
        }

        // Each negative earns the positives scored above it, and half of those tied with it.
        double ordered = 0;
        long positivesAbove = 0;
        foreach (var g in groups)
        {
            ordered += g.Negatives * (positivesAbove + (0.5 * g.Positives));
            positivesAbove += g.Positives;
        }

        return ordered / ((double)positives * negatives);
    }

    private static double AveragePrecision(TieGroup[] groups, int positives)
    {
        double precisionSum = 0;
        long truePositives = 0;
        long flagged = 0;
        foreach (var g in groups)
        {
            truePositives += g.Positives;
            flagged += g.Positives + g.Negatives;
            precisionSum += g.Positives * ((double)truePositives / flagged);
        }

        return precisionSum / positives;
    }

    private static double RecallAt(TieGroup[] groups, int positives, int k)
    {
        double found = 0;
        int taken = 0;
        foreach (var g in groups)
        {
            int size = g.Positives + g.Negatives;
            if (taken + size >= k)
            {
                found += g.Positives * (double)(k - taken) / size;
                break;
            }

            found += g.Positives;
            taken += size;
        }

        return found / positives;
    }

    /// <summary>Counts per distinct score, highest score first.</summary>
    private static TieGroup[] TieGroups(
        ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels, out int positives, out int negatives)
    {
        var (keys, sortedLabels) = ScoreOrder.Ascending(scores, labels);
        var groups = new List<TieGroup>();
        positives = 0;
        for (int end = keys.Length; end > 0;)
        {
            int start = end - 1;
            while (start > 0 && keys[start - 1] == keys[end - 1])
            {
                start--;
            }

            int p = sortedLabels.AsSpan(start, end - start).Count(true);
            groups.Add(new TieGroup(p, end - start - p));
            positives += p;
            end = start;
        }

        negatives = keys.Length - positives;
        if (positives == 0)
        {
            throw new ArgumentException("The labels hold no positive.", nameof(labels));
        }

        return [.. groups];
    }

    private readonly record struct TieGroup(int Positives, int Negatives);
}
