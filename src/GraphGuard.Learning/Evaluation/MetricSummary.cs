using System.Globalization;

namespace GraphGuard.Learning.Evaluation;

/// <summary>Mean and standard deviation of one metric over seeds.</summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Population standard deviation (numpy's default, as in GADBench's tables).</param>
public readonly record struct MetricSummary(double Mean, double StandardDeviation)
{
    /// <summary>Summarizes one value per seed.</summary>
    public static MetricSummary Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("No values to summarize.", nameof(values));
        }

        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return new MetricSummary(mean, Math.Sqrt(squares / values.Length));
    }

    /// <summary>Mean±std with four decimals, as the evaluation tables print them.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mean:F4}±{StandardDeviation:F4}");
}
