namespace GraphGuard.Learning.Tensors;

internal sealed partial class CpuTensorBackend
{
    public void Aggregate(SparseBlock a, MatrixView source, MatrixView destination)
    {
        var (s, d) = (Host(source), Host(destination));
        RequireShape(d, a.Rows, s.Columns, nameof(destination));
        if (s.Rows < a.Columns)
        {
            throw new ArgumentException($"the block reads {a.Columns} source rows, the source has {s.Rows}", nameof(source));
        }
        Gather(a.Rows, a.RowOffsets, a.ColumnIndices, a.Values, s, d, accumulate: false, AverageWork(a, s.Columns));
    }

    public void AggregateTransposed(SparseBlock a, MatrixView source, MatrixView destination, bool accumulate)
    {
        var (s, d) = (Host(source), Host(destination));
        RequireShape(s, a.Rows, s.Columns, nameof(source));
        RequireShape(d, a.Columns, s.Columns, nameof(destination));
        var (offsets, rows, values) = a.Transposed();
        Gather(a.Columns, offsets, rows, values, s, d, accumulate, AverageWork(a, s.Columns));
    }

    /// <summary>
    /// destination[i] (+)= Σ values[e]·source[indices[e]] over row i's entries, rows in fixed chunks. Each
    /// output row is one gather in entry order, so no two threads write the same row and no atomics are needed.
    /// </summary>
    private void Gather(int rows, int[] offsets, int[] indices, float[] values, HostMatrix source, HostMatrix destination, bool accumulate, long workPerRow)
    {
        FixedChunks.Run(_parallel, rows, FixedChunks.Size(workPerRow), (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                var entries = offsets[i]..offsets[i + 1];
                WeightedRowSum.Compute(values.AsSpan(entries), indices.AsSpan(entries), source, destination.Row(i), accumulate);
            }
        });
    }

    private static long AverageWork(SparseBlock a, int columns) => (1 + (a.NonZeros / Math.Max(1, Math.Max(a.Rows, a.Columns)))) * (long)columns;
}
