using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// One relation-aware GraphSAGE layer with mean aggregators (Hamilton, Ying and Leskovec, NIPS 2017), with
/// one aggregation per edge type as in R-GCN (Schlichtkrull et al., ESWC 2018):
/// <code>
///   z_v = W_self·h_v + Σ_r W_r·mean_{u ∈ S_r(v)} h_u + b
/// </code>
/// where S_r(v) is v's sampled neighbours in relation r (an empty set gives a zero mean). It is the same as
/// concatenating [h_v, mean_1, …, mean_R] and applying one linear map with the stacked weights; written as a
/// sum it needs no concatenated copy. The activation (ReLU, or L2 normalisation on the last layer) is the
/// caller's.
/// </summary>
internal static class SageLayer
{
    /// <summary>
    /// Computes z for the rows of <paramref name="self"/>; <paramref name="source"/> holds the rows the
    /// blocks point into, and <paramref name="means"/> receives the per-relation means (kept for backward).
    /// </summary>
    public static void Forward(
        ITensorBackend backend,
        LayerParameters parameters,
        ReadOnlySpan<SparseBlock> blocks,
        MatrixView self,
        MatrixView source,
        ReadOnlySpan<MatrixView> means,
        MatrixView output)
    {
        var width = self.Columns;
        backend.Gemm(self, false, parameters.Block(0, width), false, output, accumulate: false);
        for (var r = 0; r < blocks.Length; r++)
        {
            backend.Aggregate(blocks[r], source, means[r]);
            backend.Gemm(means[r], false, parameters.Block(r + 1, width), false, output, accumulate: true);
        }
        backend.AddRowVector(output, parameters.Bias);
    }

    /// <summary>
    /// Given dL/dz, adds dL/dW and dL/db to <paramref name="gradients"/> and, when
    /// <paramref name="gradSource"/> is given, writes dL/d(source rows): the self rows get Wselfᵀ's share and
    /// every source row the transposed aggregation of Wrᵀ's. <paramref name="gradMean"/> is scratch shaped like one mean.
    /// </summary>
    public static void Backward(
        ITensorBackend backend,
        LayerParameters parameters,
        LayerParameters gradients,
        ReadOnlySpan<SparseBlock> blocks,
        MatrixView self,
        ReadOnlySpan<MatrixView> means,
        MatrixView gradOutput,
        MatrixView? gradSource,
        MatrixView gradMean)
    {
        var width = self.Columns;
        backend.Gemm(self, true, gradOutput, false, gradients.Block(0, width), accumulate: true);
        for (var r = 0; r < blocks.Length; r++)
        {
            backend.Gemm(means[r], true, gradOutput, false, gradients.Block(r + 1, width), accumulate: true);
        }
        backend.SumRows(gradOutput, gradients.Bias, accumulate: true);
        if (gradSource is not { } gs)
        {
            return;
        }
        var rows = self.Rows;
        backend.Gemm(gradOutput, false, parameters.Block(0, width), true, gs.RowRange(0, rows), accumulate: false);
        backend.Fill(gs.RowRange(rows, gs.Rows - rows), 0f);
        for (var r = 0; r < blocks.Length; r++)
        {
            backend.Gemm(gradOutput, false, parameters.Block(r + 1, width), true, gradMean, accumulate: false);
            backend.AggregateTransposed(blocks[r], gradMean, gs, accumulate: true);
        }
    }
}
