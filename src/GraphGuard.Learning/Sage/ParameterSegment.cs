using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>One weight matrix or bias inside the flat parameter vector, and whether weight decay applies to it.</summary>
internal readonly record struct ParameterSegment(long Offset, int Rows, int Columns, bool Decays)
{
    public int Length => Rows * Columns;

    /// <summary>This segment inside a buffer laid out like the parameters (the parameters, their gradients, Adam's moments).</summary>
    public MatrixView In(DeviceBuffer buffer) => buffer.Matrix(Offset, Rows, Columns);
}
