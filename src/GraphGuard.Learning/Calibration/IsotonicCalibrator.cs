using System.Text.Json.Serialization;
using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Learning.Calibration;

/// <summary>
/// Isotonic calibration (Zadrozny and Elkan, KDD 2002) as scikit-learn's <c>IsotonicRegression</c> with
/// <c>out_of_bounds="clip"</c>: a non-decreasing step fit by pool-adjacent-violators, read between its points by
/// linear interpolation and clamped outside them.
/// </summary>
public sealed record IsotonicCalibrator : IScoreCalibrator
{
    /// <summary>Builds the calibrator from its points (what <see cref="Fit"/> finds, or a saved copy).</summary>
    /// <param name="thresholds">Scores, strictly increasing.</param>
    /// <param name="values">Probabilities at those scores, non-decreasing.</param>
    [JsonConstructor]
    public IsotonicCalibrator(double[] thresholds, double[] values)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(values);
        if (thresholds.Length == 0 || thresholds.Length != values.Length)
        {
            throw new ArgumentException("Thresholds and values must be non-empty and of the same length.");
        }

        for (int i = 1; i < thresholds.Length; i++)
        {
            if (!(thresholds[i] > thresholds[i - 1]) || !(values[i] >= values[i - 1]))
            {
                throw new ArgumentException($"Point {i}: thresholds must increase and values must not decrease.");
            }
        }

        Thresholds = thresholds;
        Values = values;
    }

    /// <summary>Scores at which the fit is known, strictly increasing.</summary>
    public double[] Thresholds { get; }

    /// <summary>Fitted probabilities at <see cref="Thresholds"/>, non-decreasing.</summary>
    public double[] Values { get; }

    /// <summary>Fits on held-out scores and their labels (not the rows the model was trained on).</summary>
    public static IsotonicCalibrator Fit(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels)
    {
        var targets = new double[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            targets[i] = labels[i] ? 1 : 0;
        }

        return Regress(scores, targets);
    }

    /// <inheritdoc/>
    public float Calibrate(float score)
    {
        int at = Array.BinarySearch(Thresholds, (double)score);
        if (at >= 0)
        {
            return (float)Values[at];
        }

        int above = ~at;
        if (above == 0 || above == Thresholds.Length)
        {
            return (float)Values[Math.Min(above, Thresholds.Length - 1)];
        }

        double x0 = Thresholds[above - 1], x1 = Thresholds[above];
        double y0 = Values[above - 1], y1 = Values[above];
        return (float)(y0 + ((y1 - y0) * (score - x0) / (x1 - x0)));
    }

    /// <summary>Least-squares non-decreasing fit of <paramref name="targets"/> against <paramref name="scores"/>.</summary>
    internal static IsotonicCalibrator Regress(ReadOnlySpan<float> scores, ReadOnlySpan<double> targets)
    {
        if (scores.IsEmpty)
        {
            throw new ArgumentException("No scores to fit.", nameof(scores));
        }

        var (keys, y) = ScoreOrder.Ascending(scores, targets);

        // Pool-adjacent-violators over the distinct scores (equal scores start as one block, their mean).
        var blocks = new List<Block>();
        for (int start = 0; start < keys.Length;)
        {
            int end = start;
            double sum = 0;
            while (end < keys.Length && keys[end] == keys[start])
            {
                sum += y[end++];
            }

            var block = new Block(sum, end - start, 1);
            while (blocks.Count > 0 && blocks[^1].Mean > block.Mean)
            {
                var previous = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                block = new Block(previous.Sum + block.Sum, previous.Weight + block.Weight, previous.Points + block.Points);
            }

            blocks.Add(block);
            start = end;
        }

        return FromBlocks(keys, blocks);
    }

    /// <summary>One point per distinct score, minus inner points equal to both neighbours (as scikit-learn).</summary>
    private static IsotonicCalibrator FromBlocks(float[] sortedScores, List<Block> blocks)
    {
        var x = new List<double>();
        var fitted = new List<double>();
        int row = 0;
        foreach (var block in blocks)
        {
            for (int p = 0; p < block.Points; p++)
            {
                x.Add(sortedScores[row]);
                fitted.Add(block.Mean);
                while (row < sortedScores.Length && sortedScores[row] == x[^1])
                {
                    row++;
                }
            }
        }

        var keptX = new List<double>();
        var keptY = new List<double>();
        for (int i = 0; i < x.Count; i++)
        {
            bool inner = i > 0 && i < x.Count - 1;
            if (!inner || fitted[i] != fitted[i - 1] || fitted[i] != fitted[i + 1])
            {
                keptX.Add(x[i]);
                keptY.Add(fitted[i]);
            }
        }

        return new IsotonicCalibrator([.. keptX], [.. keptY]);
    }

    /// <param name="Sum">Sum of the targets pooled.</param>
    /// <param name="Weight">Rows pooled.</param>
    /// <param name="Points">Distinct scores pooled.</param>
    private readonly record struct Block(double Sum, int Weight, int Points)
    {
        public double Mean => Sum / Weight;
    }
}
