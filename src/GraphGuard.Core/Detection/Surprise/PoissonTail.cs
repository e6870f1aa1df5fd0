namespace GraphGuard.Core.Detection.Surprise;

/// <summary>Surprise of a count under a Poisson null: −ln P(X ≥ k) for X ~ Poisson(λ), in nats.</summary>
internal static class PoissonTail
{
    /// <summary>−ln P(X ≥ <paramref name="k"/>); 0 when the count is not above what the null expects.</summary>
    public static double Surprise(int k, double lambda)
    {
        if (k <= 0 || lambda >= k)
        {
            return 0;
        }
        lambda = Math.Max(lambda, 1e-300);
        // P(X ≥ k) = e^−λ λ^k / k! · Σ_{j ≥ 0} λ^j k! / (k + j)!; with λ < k the series converges fast.
        double sum = 1, term = 1;
        for (var j = 1; j < 200 && term > 1e-12 * sum; j++)
        {
            term *= lambda / (k + j);
            sum += term;
        }
        var logTail = -lambda + (k * Math.Log(lambda)) - LogFactorial(k) + Math.Log(sum);
        return Math.Max(0, -logTail);
    }

    private static double LogFactorial(int k)
    {
        double sum = 0;
        for (var i = 2; i <= Math.Min(k, 64); i++)
        {
            sum += Math.Log(i);
        }
        // Stirling beyond 64: error far below what the threshold cares about.
        return k <= 64 ? sum : (k * Math.Log(k)) - k + (0.5 * Math.Log(2 * Math.PI * k));
    }
}
