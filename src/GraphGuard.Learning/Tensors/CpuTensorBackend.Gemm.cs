using System.Buffers;
using System.Numerics.Tensors;

namespace GraphGuard.Learning.Tensors;

internal sealed partial class CpuTensorBackend
{
    /// <summary>Reduction rows per partial sum in Aᵀ·B: fixed, so the partial sums and their order are too.</summary>
    private const int ReductionChunkRows = 1024;

    /// <summary>Rows of B per L1-resident block inside a reduction chunk.</summary>
    private const int ReductionBlockRows = 64;

    public void Gemm(MatrixView a, bool transposeA, MatrixView b, bool transposeB, MatrixView c, bool accumulate)
    {
        var (ha, hb, hc) = (Host(a), Host(b), Host(c));
        switch (transposeA, transposeB)
        {
            case (false, false):
                RequireProduct(ha.Columns, hb.Rows, hc, ha.Rows, hb.Columns);
                MultiplyPlain(ha, hb, hc, accumulate);
                break;
            case (true, false):
                RequireProduct(ha.Rows, hb.Rows, hc, ha.Columns, hb.Columns);
                MultiplyTransposedLeft(ha, hb, hc, accumulate);
                break;
            case (false, true):
                RequireProduct(ha.Columns, hb.Columns, hc, ha.Rows, hb.Rows);
                MultiplyTransposedRight(ha, hb, hc, accumulate);
                break;
            default:
                throw new NotSupportedException("Aᵀ·Bᵀ is not used by the model");
        }
    }

    /// <summary>
    /// C = A·B: rows of C in fixed chunks across threads, each row a <see cref="WeightedRowSum"/> of B's rows
    /// weighted by the row of A. B (a weight matrix here) stays in L1/L2 while rows of A stream past it.
    /// </summary>
    private void MultiplyPlain(HostMatrix a, HostMatrix b, HostMatrix c, bool accumulate) =>
        FixedChunks.Run(_parallel, a.Rows, FixedChunks.Size((long)a.Columns * b.Columns), (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                WeightedRowSum.Compute(a.Row(i), [], b, c.Row(i), accumulate);
            }
        });

    /// <summary>
    /// C = Aᵀ·B, a reduction over A's (many) rows: split into fixed chunks of rows, each summed into its own
    /// partial C in parallel (the chunk of A transposed into scratch, then multiplied plainly), then the
    /// partials added in chunk order. A weight gradient comes out the same on one core or sixteen.
    /// </summary>
    private void MultiplyTransposedLeft(HostMatrix a, HostMatrix b, HostMatrix c, bool accumulate)
    {
        var size = c.Length;
        var chunks = Math.Max(1, (a.Rows + ReductionChunkRows - 1) / ReductionChunkRows);
        var partials = ArrayPool<float>.Shared.Rent(chunks * size);
        try
        {
            FixedChunks.Run(_parallel, chunks, 1, (first, last) =>
            {
                for (var chunk = first; chunk < last; chunk++)
                {
                    var start = chunk * ReductionChunkRows;
                    var rows = Math.Min(a.Rows, start + ReductionChunkRows) - start;
                    var partial = new HostMatrix(partials, chunk * size, c.Rows, c.Columns);
                    var bChunk = new HostMatrix(b.Data, b.Offset + (start * b.Columns), rows, b.Columns);
                    TransposeThenMultiply(a, start, rows, bChunk, partial);
                }
            });
            var total = c.All;
            if (!accumulate)
            {
                total.Clear();
            }
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                TensorPrimitives.Add(total, partials.AsSpan(chunk * size, size), total);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(partials);
        }
    }

    /// <summary>
    /// partial = (rows [start, start + count) of A)ᵀ · bChunk, in blocks of rows small enough that the block
    /// of B and the transposed block of A stay in L1 while every partial row takes its share.
    /// </summary>
    /// <remarks>
    /// Implementation note: transposing the whole 1024-row chunk at once wrote rows 4 KiB apart, which alias
    /// in L1 and made this four times slower than the plain product; 64-row blocks keep the stride short.
    /// </remarks>
    private static void TransposeThenMultiply(HostMatrix a, int start, int count, HostMatrix bChunk, HostMatrix partial)
    {
        var scratch = ArrayPool<float>.Shared.Rent(Math.Max(1, ReductionBlockRows * a.Columns));
        try
        {
            partial.All.Clear();
            for (var block = 0; block < count; block += ReductionBlockRows)
            {
                var rows = Math.Min(ReductionBlockRows, count - block);
                var transposed = new HostMatrix(scratch, 0, a.Columns, rows);
                Transpose(new HostMatrix(a.Data, a.Offset + ((start + block) * a.Columns), rows, a.Columns), transposed);
                var bBlock = new HostMatrix(bChunk.Data, bChunk.Offset + (block * bChunk.Columns), rows, bChunk.Columns);
                for (var i = 0; i < partial.Rows; i++)
                {
                    WeightedRowSum.Compute(transposed.Row(i), [], bBlock, partial.Row(i), accumulate: true);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>C = A·Bᵀ: B (a weight matrix, small) is transposed into pooled scratch, then multiplied plainly.</summary>
    private void MultiplyTransposedRight(HostMatrix a, HostMatrix b, HostMatrix c, bool accumulate)
    {
        var scratch = ArrayPool<float>.Shared.Rent(Math.Max(1, b.Length));
        try
        {
            var transposed = new HostMatrix(scratch, 0, b.Columns, b.Rows);
            Transpose(b, transposed);
            MultiplyPlain(a, transposed, c, accumulate);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    private static void Transpose(HostMatrix from, HostMatrix to)
    {
        for (var i = 0; i < from.Rows; i++)
        {
            var row = from.Row(i);
            for (var j = 0; j < row.Length; j++)
            {
                to.Data[to.Offset + (j * to.Columns) + i] = row[j];
            }
        }
    }

    private static void RequireProduct(int inner, int otherInner, HostMatrix c, int rows, int columns)
    {
        if (inner != otherInner)
        {
            throw new ArgumentException($"inner dimensions differ: {inner} and {otherInner}");
        }
        RequireShape(c, rows, columns, nameof(c));
    }
}
