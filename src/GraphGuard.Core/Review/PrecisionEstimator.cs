namespace GraphGuard.Core.Review;

/// <summary>
/// Precision from the random slice's decisions. Within a band the slice is a uniform sample, so the band's share of
/// abusive decisions is an unbiased estimate of its precision. Across bands (a threshold's what-if) each decision is
/// weighted by the inverse of its inclusion probability (Horvitz-Thompson, as a ratio estimator), and the interval is
/// Wilson's at Kish's effective sample size, (Σw)² / Σw².
/// </summary>
public static class PrecisionEstimator
{
    /// <summary>Each band's precision; <paramref name="accounts"/> counts the run's accounts per band.</summary>
    public static IReadOnlyList<BandPrecision> PerBand(IReadOnlyList<ReviewBand> bands, IReadOnlyDictionary<string, long> accounts, IReadOnlyList<ReviewOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(outcomes);
        return [.. bands.Select(b =>
        {
            var decided = outcomes.Where(o => o.Band == b.Name).ToList();
            var abusive = decided.Count(o => o.Abusive);
            var (lower, upper) = WilsonInterval.Of(abusive, decided.Count);
            return new BandPrecision(b.Name, b.Minimum, accounts.GetValueOrDefault(b.Name), decided.Count, abusive,
                decided.Count == 0 ? null : (double)abusive / decided.Count, lower, upper);
        })];
    }

    /// <summary>Enforcing at <paramref name="threshold"/>: <paramref name="actioned"/> accounts of the run reach it; the decided slice items that do estimate their precision.</summary>
    public static EnforcementWhatIf WhatIf(double threshold, long actioned, IReadOnlyList<ReviewOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var above = outcomes.Where(o => o.Score >= threshold).ToList();
        if (above.Count == 0)
        {
            return new EnforcementWhatIf(threshold, actioned, 0, null, 0, 1);
        }
        double weight = 0, squares = 0, abusive = 0;
        foreach (var o in above)
        {
            var w = 1 / o.Inclusion;
            weight += w;
            squares += w * w;
            abusive += o.Abusive ? w : 0;
        }
        var precision = abusive / weight;
        var effective = weight * weight / squares;
        var (lower, upper) = WilsonInterval.Of(precision * effective, effective);
        return new EnforcementWhatIf(threshold, actioned, above.Count, precision, lower, upper);
    }
}
