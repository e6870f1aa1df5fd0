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

    /// <summary>Rows a reference needs before its PSI is trusted with the fixed thresholds.</summary>
    public const int MinimumReferenceRows = 1_000;

    private const double Floor = 1e-4;

    /// <summary>PSI of <paramref name="current"/> against the reference profile.</summary>
    public static double Index(DistributionProfile reference, ReadOnlySpan<float> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var actual = reference.SharesOf(current);
        var psi = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var a = Math.Max(actual[i], Floor);
            var e = Math.Max(reference.Proportions[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }

    /// <summary><c>stable</c>, <c>moderate</c> or <c>shift</c>; <c>unknown</c> when the reference has too few rows to judge.</summary>
    public static string Level(double psi, int referenceRows) =>
        referenceRows < MinimumReferenceRows ? "unknown" : psi > Shift ? "shift" : psi >= Moderate ? "moderate" : "stable";
}
