namespace GraphGuard.Learning.Tensors;

/// <summary>The CPU backend's unwrapped view: a row-major matrix in a managed array, usable inside parallel lambdas.</summary>
internal readonly record struct HostMatrix(float[] Data, int Offset, int Rows, int Columns)
{
    public int Length => Rows * Columns;

    public Span<float> Row(int row) => Data.AsSpan(Offset + (row * Columns), Columns);

    /// <summary>Rows [start, end) as one flat span.</summary>
    public Span<float> RowSpan(int start, int end) => Data.AsSpan(Offset + (start * Columns), (end - start) * Columns);

    public Span<float> All => Data.AsSpan(Offset, Length);
}
