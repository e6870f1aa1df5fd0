namespace GraphGuard.Learning.Tensors;

/// <summary>
/// A dense row-major matrix inside a <see cref="DeviceBuffer"/>: <see cref="Rows"/> full rows of
/// <see cref="Columns"/> floats starting at <see cref="Offset"/>. Rows are contiguous (no stride), so a
/// range of rows is again a view; that is all the model needs, and it maps onto BLAS with ld = columns.
/// </summary>
internal readonly record struct MatrixView
{
    public MatrixView(DeviceBuffer buffer, long offset, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (offset + ((long)rows * columns) > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"{rows} x {columns} at {offset} overruns a buffer of {buffer.Length}");
        }
        Buffer = buffer;
        Offset = offset;
        Rows = rows;
        Columns = columns;
    }

    public DeviceBuffer Buffer { get; }

    public long Offset { get; }

    public int Rows { get; }

    public int Columns { get; }

    public long Length => (long)Rows * Columns;

    /// <summary>Rows [<paramref name="start"/>, start + <paramref name="count"/>).</summary>
    public MatrixView RowRange(int start, int count)
    {
        if (start < 0 || count < 0 || start + count > Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"rows [{start}, {start + count}) outside [0, {Rows})");
        }
        return new MatrixView(Buffer, Offset + ((long)start * Columns), count, Columns);
    }

    /// <summary>The same floats seen as <paramref name="rows"/> × <paramref name="columns"/> (same length).</summary>
    public MatrixView Reshape(int rows, int columns)
    {
        if ((long)rows * columns != Length)
        {
            throw new ArgumentException($"{rows} x {columns} does not hold {Length} floats");
        }
        return new MatrixView(Buffer, Offset, rows, columns);
    }
}
