using System.Globalization;
using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Learning.Release;

/// <summary>
/// Champion and challenger: both models scored the same accounts; on the reviewed labels neither trained on, the
/// challenger is released unless its AUPRC or its precision in the enforcement bands is worse than the champion's by
/// more than the tolerance.
/// </summary>
public static class ChampionChallenger
{
    /// <summary>Compares the two models' scores of the held-out accounts (<paramref name="abusive"/> their labels).</summary>
    /// <param name="challenger">The challenger's calibrated scores.</param>
    /// <param name="champion">The champion's, same accounts in the same order.</param>
    /// <param name="abusive">The analysts' labels.</param>
    /// <param name="enforcementMinimum">The lowest score enforcement acts on (the second band's minimum).</param>
    /// <param name="policy">Tolerance and the labels needed to judge.</param>
    public static ReleaseVerdict Judge(ReadOnlySpan<float> challenger, ReadOnlySpan<float> champion, ReadOnlySpan<bool> abusive, double enforcementMinimum, ReleasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var positives = 0;
        foreach (var a in abusive)
        {
            positives += a ? 1 : 0;
        }
        var negatives = abusive.Length - positives;
        var mine = Evaluate(challenger, abusive, enforcementMinimum);
        var theirs = Evaluate(champion, abusive, enforcementMinimum);
        if (positives < policy.MinimumLabels || negatives < policy.MinimumLabels)
        {
            return new ReleaseVerdict(true, string.Create(CultureInfo.InvariantCulture,
                $"released unjudged: {positives} abusive and {negatives} benign held-out reviewed labels, fewer than the {policy.MinimumLabels} of each needed to compare"),
                abusive.Length, mine, theirs);
        }
        var auprcShort = theirs.Auprc - mine.Auprc;
        // A model that enforces on none of the labelled accounts has no precision there: count it as 0 against one that does.
        var precisionShort = (theirs.Precision ?? 0) - (mine.Precision ?? 0);
        var measures = string.Create(CultureInfo.InvariantCulture,
            $"AUPRC {mine.Auprc:0.000} vs {theirs.Auprc:0.000}, precision in the enforcement bands {Show(mine.Precision)} vs {Show(theirs.Precision)} on {abusive.Length} held-out reviewed labels (tolerance {policy.Tolerance:0.###})");
        if (auprcShort > policy.Tolerance || precisionShort > policy.Tolerance)
        {
            var worse = auprcShort > policy.Tolerance && precisionShort > policy.Tolerance ? "AUPRC and precision are" : auprcShort > policy.Tolerance ? "AUPRC is" : "precision is";
            return new ReleaseVerdict(false, $"refused: the challenger's {worse} worse than the champion's beyond the tolerance; {measures}", abusive.Length, mine, theirs);
        }
        return new ReleaseVerdict(true, $"released: not worse than the champion; {measures}", abusive.Length, mine, theirs);
    }

    private static ModelEvaluation Evaluate(ReadOnlySpan<float> scores, ReadOnlySpan<bool> abusive, double enforcementMinimum)
    {
        int enforced = 0, hits = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] >= enforcementMinimum)
            {
                enforced++;
                hits += abusive[i] ? 1 : 0;
            }
        }
        var auprc = scores.Length == 0 ? 0 : BinaryMetrics.AveragePrecision(scores, abusive);
        return new ModelEvaluation(double.IsNaN(auprc) ? 0 : auprc, enforced == 0 ? null : (double)hits / enforced, enforced);
    }

    private static string Show(double? precision) => precision is { } p ? p.ToString("0.000", CultureInfo.InvariantCulture) : "none enforced";
}
