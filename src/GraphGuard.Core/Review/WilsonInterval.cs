namespace GraphGuard.Core.Review;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson, JASA 1927): unlike the normal approximation it stays
/// inside [0, 1] and keeps its coverage with a handful of decisions or a proportion near 0 or 1.
/// </summary>
public static class WilsonInterval
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="n"/>; n may be an effective (non-integer) sample size.</summary>
    public static (double Lower, double Upper) Of(double successes, double n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, successes);
        if (n <= 0)
        {
            return (0, 1);
        }
        var p = successes / n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At p = 0 or 1 the interval ends exactly at 0 or 1; rounding would leave it a hair short of the proportion itself.
        return (successes <= 0 ? 0 : Math.Max(0, centre - half), successes >= n ? 1 : Math.Min(1, centre + half));
    }
}
