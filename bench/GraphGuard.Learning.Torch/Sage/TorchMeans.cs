using GraphGuard.Core.Graph;
using GraphGuard.Learning.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphGuard.Learning.Torch.Sage;

/// <summary>
/// Mean-aggregation matrices as libtorch sparse COO tensors: row i holds 1/k at each of its k neighbours, so
/// <c>torch.mm(A, h)</c> is every row's neighbour mean, and autograd gives Aᵀ·grad for the backward pass.
/// </summary>
internal static class TorchMeans
{
    /// <summary>The first <paramref name="sourceRows"/> columns of a sampled block, as a rows × sourceRows matrix.</summary>
    public static Tensor FromBlock(SparseBlock block, int sourceRows, Device device)
    {
        var nonZeros = block.NonZeros;
        var indices = new long[2 * (long)nonZeros];
        var offsets = block.RowOffsets;
        for (var i = 0; i < block.Rows; i++)
        {
            for (var e = offsets[i]; e < offsets[i + 1]; e++)
            {
                indices[e] = i;
                indices[nonZeros + e] = block.ColumnIndices[e];
            }
        }
        return Sparse(indices, block.Values.AsSpan(0, nonZeros).ToArray(), block.Rows, sourceRows, device);
    }

    /// <summary>Rows [start, start + rows) of a relation, each the mean over all its neighbours (layer-wise inference).</summary>
    public static Tensor FullNeighbourhoods(CsrGraph graph, int start, int rows, Device device)
    {
        var first = graph.Offsets[start];
        var nonZeros = checked((int)(graph.Offsets[start + rows] - first));
        var indices = new long[2 * (long)nonZeros];
        var values = new float[nonZeros];
        for (var i = 0; i < rows; i++)
        {
            var neighbors = graph.Neighbors(start + i);
            var at = (int)(graph.Offsets[start + i] - first);
            for (var k = 0; k < neighbors.Length; k++)
            {
                indices[at + k] = i;
                indices[nonZeros + at + k] = neighbors[k];
                values[at + k] = 1f / neighbors.Length;
            }
        }
        return Sparse(indices, values, rows, graph.NodeCount, device);
    }

    private static Tensor Sparse(long[] indices, float[] values, int rows, int columns, Device device)
    {
        using var index = torch.tensor(indices, [2, values.Length], dtype: ScalarType.Int64, device: device);
        using var value = torch.tensor(values, dtype: ScalarType.Float32, device: device);
        // Entries come row by row; libtorch's sparse × dense product accepts them uncoalesced, so no sort is paid.
        return sparse_coo_tensor(index, value, [rows, columns], device: device);
    }
}
