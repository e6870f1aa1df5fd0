using System.Text.Json.Serialization;

namespace GraphGuard.Learning.Calibration;

/// <summary>
/// Platt scaling (Platt, 1999): <c>P(positive | s) = 1 / (1 + exp(A s + B))</c>, fitted by Newton's method with
/// backtracking on Platt's smoothed targets, as in Lin, Lin and Weng, "A note on Platt's probabilistic outputs
/// for support vector machines" (Machine Learning, 2007). Suits margins (log-odds) better than probabilities.
/// </summary>
/// <param name="A">Slope; negative when higher scores mean more likely positive.</param>
/// <param name="B">Intercept.</param>
[method: JsonConstructor]
public sealed record PlattCalibrator(double A, double B) : IScoreCalibrator
{
    private const int MaxIterations = 100;
    private const double MinStep = 1e-10;
    private const double Ridge = 1e-12;
    private const double Tolerance = 1e-5;

    /// <summary>Fits on held-out scores and their labels (not the rows the model was trained on).</summary>
    public static PlattCalibrator Fit(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length || scores.IsEmpty)
        {
            throw new ArgumentException($"{scores.Length} scores and {labels.Length} labels: need as many, and some.");
        }

        int positives = labels.Count(true);
        int negatives = labels.Length - positives;

        // Platt's targets: (N+ + 1) / (N+ + 2) and 1 / (N- + 2) instead of 1 and 0, so separable data stays finite.
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (negatives + 2.0);
        double[] s = [.. scores.ToArray().Select(v => (double)v)];
        double[] t = [.. labels.ToArray().Select(l => l ? high : low)];

        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        double loss = Loss(s, t, a, b);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double h11 = Ridge, h22 = Ridge, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < s.Length; i++)
            {
                double p = Probability(a, b, s[i]);
                double d2 = p * (1 - p);
                h11 += s[i] * s[i] * d2;
                h22 += d2;
                h21 += s[i] * d2;
                double d1 = t[i] - p;
                g1 += s[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < Tolerance && Math.Abs(g2) < Tolerance)
            {
                break;
            }

            double det = (h11 * h22) - (h21 * h21);
            double da = -((h22 * g1) - (h21 * g2)) / det;
            double db = -((-h21 * g1) + (h11 * g2)) / det;
            double descent = (g1 * da) + (g2 * db);
            double step = 1;
            while (step >= MinStep)
            {
                double next = Loss(s, t, a + (step * da), b + (step * db));
                if (next < loss + (1e-4 * step * descent))
                {
                    (a, b, loss) = (a + (step * da), b + (step * db), next);
                    break;
                }

                step /= 2;
            }

            if (step < MinStep)
            {
                break; // the line search found no decrease: as good as this precision allows
            }
        }

        return new PlattCalibrator(a, b);
    }

    /// <inheritdoc/>
    public float Calibrate(float score) => (float)Probability(A, B, score);

    /// <summary>1 / (1 + exp(a s + b)), written to not overflow for either sign.</summary>
    private static double Probability(double a, double b, double s)
    {
        double f = (a * s) + b;
        return f >= 0 ? Math.Exp(-f) / (1 + Math.Exp(-f)) : 1 / (1 + Math.Exp(f));
    }

    /// <summary>Cross-entropy of the targets under (a, b), stable for large |a s + b|.</summary>
    private static double Loss(double[] s, double[] t, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < s.Length; i++)
        {
            double f = (a * s[i]) + b;
            sum += f >= 0 ? (t[i] * f) + Math.Log(1 + Math.Exp(-f)) : ((t[i] - 1) * f) + Math.Log(1 + Math.Exp(f));
        }

        return sum;
    }
}
