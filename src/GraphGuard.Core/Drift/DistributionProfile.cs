namespace GraphGuard.Core.Drift;

/// <summary>
/// A variable's distribution as population stability index bins: the interior cut points at its deciles (repeated
/// values merge bins), the share of rows in each bin, and the share of missing (NaN) values as a bin of its own.
/// </summary>
/// <param name="Edges">Ascending cut points; bin i holds values in [Edges[i-1], Edges[i]), the first from −∞, the last to +∞.</param>
/// <param name="Proportions">Edges.Length + 2 shares: the bins in order, then missing values.</param>
/// <param name="Rows">Rows the profile was taken from.</param>
public sealed record DistributionProfile(double[] Edges, double[] Proportions, int Rows)
{
    /// <summary>Bins a profile aims for: deciles, as PSI is usually reported.</summary>
    public const int Bins = 10;

    /// <summary>The profile of <paramref name="values"/>, cut at its own deciles.</summary>
    public static DistributionProfile Of(ReadOnlySpan<float> values)
    {
        var present = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!float.IsNaN(v))
            {
                present.Add(v);
            }
        }
        present.Sort();
        var edges = new SortedSet<double>();
        for (var q = 1; q < Bins && present.Count > 0; q++)
        {
            var cut = present[(int)((long)q * present.Count / Bins)];
            // A cut at the minimum would leave an empty first bin.
            if (cut > present[0])
            {
                edges.Add(cut);
            }
        }
        double[] e = [.. edges];
        return new DistributionProfile(e, Shares(values, e), values.Length);
    }

    /// <summary>
    /// Where <paramref name="value"/> falls among the profiled rows that had one, from 0 to 1: the share of them in the
    /// bins below its bin plus half its bin's (deciles are as fine as the profile knows). NaN when none had a value.
    /// </summary>
    public double RankOf(double value)
    {
        var present = 1 - Proportions[^1];
        if (present <= 0 || double.IsNaN(value))
        {
            return double.NaN;
        }
        var i = Array.BinarySearch(Edges, value);
        var bin = i >= 0 ? i + 1 : ~i;
        var below = 0.0;
        for (var b = 0; b < bin; b++)
        {
            below += Proportions[b];
        }
        return (below + (Proportions[bin] / 2)) / present;
    }

    /// <summary>The shares of <paramref name="values"/> in this profile's bins (and missing).</summary>
    public double[] SharesOf(ReadOnlySpan<float> values) => Shares(values, Edges);

    private static double[] Shares(ReadOnlySpan<float> values, double[] edges)
    {
        var counts = new double[edges.Length + 2];
        foreach (var v in values)
        {
            if (float.IsNaN(v))
            {
                counts[^1]++;
                continue;
            }
            var i = Array.BinarySearch(edges, (double)v);
            // A value equal to a cut point belongs to the bin that starts there.
            counts[i >= 0 ? i + 1 : ~i]++;
        }
        for (var i = 0; i < counts.Length && values.Length > 0; i++)
        {
            counts[i] /= values.Length;
        }
        return counts;
    }
}
