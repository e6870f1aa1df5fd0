namespace GraphGuard.Core.Drift;

/// <summary>Multinomial draws as a chain of binomials, each exact by inversion when small and normal when large: fast enough for a bootstrap of thousands of windows.</summary>
internal static class Multinomial
{
    /// <summary>Variance from which a binomial is drawn from its normal approximation.</summary>
    private const double NormalFrom = 25;

    /// <summary>Fills <paramref name="shares"/> with the bin shares of <paramref name="rows"/> draws from bins of probabilities <paramref name="p"/>.</summary>
    public static void Shares(Random random, int rows, IReadOnlyList<double> p, double[] shares)
    {
        var left = rows;
        var mass = 1.0;
        for (var i = 0; i < p.Count; i++)
        {
            var k = i == p.Count - 1 || mass <= 0 ? left : Binomial(random, left, Math.Clamp(p[i] / mass, 0, 1));
            shares[i] = (double)k / rows;
            left -= k;
            mass -= p[i];
        }
    }

    /// <summary>One draw of Binomial(n, p).</summary>
    public static int Binomial(Random random, int n, double p)
    {
        if (n == 0 || p <= 0)
        {
            return 0;
        }
        if (p >= 1)
        {
            return n;
        }
        var q = Math.Min(p, 1 - p);
        int k;
        if (n * q * (1 - q) >= NormalFrom)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            k = (int)Math.Clamp(Math.Round((n * q) + (z * Math.Sqrt(n * q * (1 - q)))), 0, n);
        }
        else
        {
            // Inversion: walk the probability mass from 0 (about n·q + 1 steps).
            var u = random.NextDouble();
            var pmf = Math.Pow(1 - q, n);
            var cdf = pmf;
            k = 0;
            while (u > cdf && k < n)
            {
                pmf *= (double)(n - k) / (k + 1) * q / (1 - q);
                k++;
                cdf += pmf;
            }
        }
        return p > 0.5 ? n - k : k;
    }
}
