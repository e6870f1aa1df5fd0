namespace GraphGuard.Learning.Tests;

/// <summary>Central finite differences against an analytic gradient.</summary>
internal static class GradientCheck
{
    /// <summary>
    /// Perturbs every <paramref name="inputs"/>[i] by ±<paramref name="step"/>, re-evaluates <paramref name="loss"/>
    /// (which must read the inputs afresh) and compares (L+ - L-)/2h with <paramref name="analytic"/>[i].
    /// </summary>
    public static void Verify(float[] inputs, ReadOnlySpan<float> analytic, Func<double> loss, float step = 1e-2f, double absolute = 1e-3, double relative = 1e-2)
    {
        Assert.That(analytic.Length, Is.EqualTo(inputs.Length));
        var failures = new List<string>();
        var largest = 0.0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var original = inputs[i];
            inputs[i] = original + step;
            var plus = loss();
            inputs[i] = original - step;
            var minus = loss();
            inputs[i] = original;
            var numeric = (plus - minus) / (2.0 * step);
            largest = Math.Max(largest, Math.Abs(numeric));
            if (Math.Abs(numeric - analytic[i]) > absolute + (relative * Math.Max(Math.Abs(numeric), Math.Abs(analytic[i]))))
            {
                failures.Add($"[{i}] numeric {numeric:G6} analytic {analytic[i]:G6}");
            }
        }
        Assert.That(failures, Is.Empty, "gradient entries differ from finite differences");
        Assert.That(largest, Is.GreaterThan(absolute), "the gradient is too small for the check to mean anything");
    }

    /// <summary>Random floats in [-scale, scale) from a fixed seed.</summary>
    public static float[] RandomValues(int count, int seed, float scale = 1f)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = ((2f * random.NextSingle()) - 1f) * scale;
        }
        return values;
    }

    /// <summary>Σ weights[i]·values[i] in double: a scalar loss whose gradient w.r.t. values is the weights.</summary>
    public static double Project(ReadOnlySpan<float> values, ReadOnlySpan<float> weights)
    {
        double sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += (double)values[i] * weights[i];
        }
        return sum;
    }
}
