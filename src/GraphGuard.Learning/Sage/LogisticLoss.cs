namespace GraphGuard.Learning.Sage;

/// <summary>
/// Binary cross-entropy on logits with a positive-class weight (as PyTorch's <c>BCEWithLogitsLoss(pos_weight)</c>):
/// loss = mean over targets of w·softplus(-s) for a positive, softplus(s) for a negative, w the positive weight.
/// </summary>
internal static class LogisticLoss
{
    /// <summary>
    /// Mean loss over the targets; writes dLoss/dlogit per row into <paramref name="gradient"/> (cleared first;
    /// a row named twice accumulates).
    /// </summary>
    /// <param name="logits">Logit per row.</param>
    /// <param name="rows">Row of each target.</param>
    /// <param name="labels">Label of each target.</param>
    /// <param name="positiveWeight">Weight of a positive target's loss.</param>
    /// <param name="gradient">Receives dLoss/dlogit per row.</param>
    public static double Evaluate(ReadOnlySpan<float> logits, ReadOnlySpan<int> rows, ReadOnlySpan<bool> labels, float positiveWeight, Span<float> gradient)
    {
        gradient.Clear();
        if (rows.Length == 0)
        {
            return 0;
        }
        double total = 0;
        var scale = 1f / rows.Length;
        for (var t = 0; t < rows.Length; t++)
        {
            var s = logits[rows[t]];
            // d/ds softplus(-s) = σ(s) - 1 and d/ds softplus(s) = σ(s).
            if (labels[t])
            {
                total += positiveWeight * Softplus(-s);
                gradient[rows[t]] += positiveWeight * (Sigmoid(s) - 1f) * scale;
            }
            else
            {
                total += Softplus(s);
                gradient[rows[t]] += Sigmoid(s) * scale;
            }
        }
        return total / rows.Length;
    }

    /// <summary>log(1 + e^x) without overflow.</summary>
    public static double Softplus(float x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs((double)x)));

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
