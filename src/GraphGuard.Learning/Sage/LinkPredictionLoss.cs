using System.Numerics.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// The unsupervised GraphSAGE objective (Hamilton et al. 2017, eq. 1) on direct edges: for a positive pair
/// (u, v) and negatives n_1..n_Q drawn uniformly, loss = -log σ(z_u·z_v) - Σ_k log σ(-z_u·z_nk), averaged
/// over pairs.
/// </summary>
internal static class LinkPredictionLoss
{
    /// <summary>
    /// Mean loss over <paramref name="pairs"/> pairs; writes dLoss/dz into <paramref name="gradient"/> (cleared first).
    /// Target positions are laid out as [anchors (pairs) | positives (pairs) | negatives (pairs × Q, by anchor)].
    /// </summary>
    /// <param name="embeddings">Row-major embeddings, <paramref name="dimension"/> floats a row.</param>
    /// <param name="dimension">Embedding width.</param>
    /// <param name="rows">Row of each target position.</param>
    /// <param name="pairs">Positive pairs.</param>
    /// <param name="negatives">Negatives per pair (Q).</param>
    /// <param name="gradient">Receives dLoss/dz, same shape as the embeddings.</param>
    public static double Evaluate(ReadOnlySpan<float> embeddings, int dimension, ReadOnlySpan<int> rows, int pairs, int negatives, Span<float> gradient)
    {
        gradient.Clear();
        if (pairs == 0)
        {
            return 0;
        }
        double total = 0;
        var scale = 1f / pairs;
        for (var i = 0; i < pairs; i++)
        {
            var u = rows[i];
            total += Term(embeddings, gradient, dimension, u, rows[pairs + i], positive: true, scale);
            for (var k = 0; k < negatives; k++)
            {
                total += Term(embeddings, gradient, dimension, u, rows[(2 * pairs) + (i * negatives) + k], positive: false, scale);
            }
        }
        return total / pairs;
    }

    /// <summary>One softplus term: softplus(-s) for a positive, softplus(s) for a negative, s = z_u·z_w.</summary>
    private static double Term(ReadOnlySpan<float> z, Span<float> gradient, int dimension, int u, int w, bool positive, float scale)
    {
        var zu = z.Slice(u * dimension, dimension);
        var zw = z.Slice(w * dimension, dimension);
        var s = TensorPrimitives.Dot(zu, zw);
        var ds = (positive ? LogisticLoss.Sigmoid(s) - 1f : LogisticLoss.Sigmoid(s)) * scale;
        // When u and w are the same row the two adds give d(z·z)/dz = 2z, as they should.
        TensorPrimitives.MultiplyAdd(zw, ds, gradient.Slice(u * dimension, dimension), gradient.Slice(u * dimension, dimension));
        TensorPrimitives.MultiplyAdd(zu, ds, gradient.Slice(w * dimension, dimension), gradient.Slice(w * dimension, dimension));
        return LogisticLoss.Softplus(positive ? -s : s);
    }
}
