namespace GraphGuard.Core.Drift;

/// <summary>
/// The population stability index, Σ (a − e) · ln(a / e) over bins of the expected (reference) distribution: below
/// 0.1 the population is stable, from 0.1 a moderate shift worth a look, above 0.25 a shift to act on (Siddiqi,
/// Credit Risk Scorecards, 2006; the usual thresholds). An empty bin counts as a share of 0.0001 so one never divides by 0.
/// </summary>
public static class PopulationStability
{
    /// <summary>Below this the population is stable.</summary>
    public const double Moderate = 0.1;

    /// <summary>Above this the population shifted.</summary>
    public const double Shift = 0.25;

    /// <summary>Rows each window needs before its PSI is judged with the fixed thresholds; smaller ones get bootstrapped thresholds.</summary>
    public const int MinimumRows = 1_000;

    /// <summary>Bootstrap replicates behind the thresholds of a small window.</summary>
    public const int Replicates = 2_000;

    /// <summary>The share of same-population comparisons a bootstrapped threshold leaves under it: 95% for moderate, 99% for shift.</summary>
    public const double ModerateQuantile = 0.95;

    /// <inheritdoc cref="ModerateQuantile"/>
    public const double ShiftQuantile = 0.99;

    private const double Floor = 1e-4;

    /// <summary>PSI of <paramref name="current"/> against the reference profile.</summary>
    public static double Index(DistributionProfile reference, ReadOnlySpan<float> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Index(reference.SharesOf(current), reference.Proportions);
    }

    /// <summary>
    /// The thresholds for comparing <paramref name="currentRows"/> rows with <paramref name="reference"/>. With both windows
    /// at least <see cref="MinimumRows"/> rows, the fixed 0.1 and 0.25. Below that, decile shares of a sample are noisy
    /// enough that two draws of one population often differ by more than 0.1 (the PSI of two samples of n and m rows
    /// from one population is about (1/n + 1/m) · χ² with bins − 1 degrees of freedom; Yurdakul, "Statistical properties
    /// of the population stability index", 2018), so the thresholds are bootstrapped: <see cref="Replicates"/> pairs of
    /// windows of the two sizes drawn from the reference's own bin shares, their PSI's 95th percentile for moderate and
    /// 99th for shift — never below the fixed values, so a small window is judged no more eagerly than a large one.
    /// The draw is seeded by the sizes and the shares, so the same comparison always gets the same thresholds.
    /// </summary>
    public static PsiThresholds Thresholds(DistributionProfile reference, int currentRows)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfNegative(currentRows);
        if (reference.Rows >= MinimumRows && currentRows >= MinimumRows)
        {
            return PsiThresholds.Fixed;
        }
        var (moderate, shift) = BootstrapQuantiles(reference.Proportions, Math.Max(reference.Rows, 1), Math.Max(currentRows, 1), Seed(reference, currentRows));
        return new PsiThresholds(Math.Max(Moderate, moderate), Math.Max(Shift, shift), true);
    }

    /// <summary>
    /// The <see cref="ModerateQuantile"/> and <see cref="ShiftQuantile"/> quantiles of the PSI between two windows of
    /// <paramref name="referenceRows"/> and <paramref name="currentRows"/> rows drawn from bins with shares <paramref name="shares"/>.
    /// </summary>
    public static (double Moderate, double Shift) BootstrapQuantiles(IReadOnlyList<double> shares, int referenceRows, int currentRows, int seed)
    {
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referenceRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(currentRows);
        var random = new Random(seed);
        var expected = new double[shares.Count];
        var actual = new double[shares.Count];
        var psi = new double[Replicates];
        for (var b = 0; b < Replicates; b++)
        {
            Multinomial.Shares(random, referenceRows, shares, expected);
            Multinomial.Shares(random, currentRows, shares, actual);
            psi[b] = Index(actual, expected);
        }
        Array.Sort(psi);
        return (Quantile(psi, ModerateQuantile), Quantile(psi, ShiftQuantile));
    }

    /// <summary><c>stable</c>, <c>moderate</c> or <c>shift</c> with the thresholds for these windows (<see cref="Thresholds"/>).</summary>
    public static string Level(double psi, DistributionProfile reference, int currentRows) => Thresholds(reference, currentRows).Level(psi);

    private static double Index(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        var psi = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            var a = Math.Max(actual[i], Floor);
            var e = Math.Max(expected[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }

    private static double Quantile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    /// <summary>A seed from the comparison's sizes and shares, the same in every process (unlike <see cref="HashCode"/>).</summary>
    private static int Seed(DistributionProfile reference, int currentRows)
    {
        var seed = 17L;
        foreach (var x in reference.Proportions.Select(p => (long)Math.Round(p * 1e9)).Prepend(currentRows).Prepend(reference.Rows))
        {
            seed = unchecked((seed * 1_000_003) ^ x);
        }
        return (int)(seed & int.MaxValue);
    }
}
