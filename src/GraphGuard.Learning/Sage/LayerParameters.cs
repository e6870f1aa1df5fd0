using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// A layer's weights and bias, or the gradients of them. The weights stack R+1 blocks of input-width rows:
/// block 0 multiplies the node's own vector, block r+1 the mean over relation r.
/// </summary>
internal readonly record struct LayerParameters(MatrixView Weights, MatrixView Bias)
{
    /// <summary>Block <paramref name="block"/> of the stacked weights (0 = self, r+1 = relation r).</summary>
    public MatrixView Block(int block, int inputWidth) => Weights.RowRange(block * inputWidth, inputWidth);
}
