using System.Buffers;
using System.Numerics.Tensors;

namespace GraphGuard.Learning.Tensors;

internal sealed partial class CpuTensorBackend
{
    /// <summary>Reduction rows per partial sum in Aᵀ·B: fixed, so the partial sums and their order are too.</summary>
    private const int ReductionChunkRows = 1024;

    /// <summary>Floats of B kept hot while a chunk of rows of A streams past it (about an L1 cache).</summary>
    private const int PanelFloats = 8192;

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
    /// C = A·B, cache-blocked: rows of C in fixed chunks across threads; within a chunk, B is walked in panels
    /// of rows that fit L1 while every row of the chunk adds its share (a saxpy of a B row per A entry).
    /// Each C row sums over k in ascending order whatever the panel size, so blocking does not change bits.
    /// </summary>
    private void MultiplyPlain(HostMatrix a, HostMatrix b, HostMatrix c, bool accumulate)
    {
        var (k, n) = (a.Columns, b.Columns);
        var panel = Math.Max(1, PanelFloats / Math.Max(1, n));
        FixedChunks.Run(_parallel, a.Rows, FixedChunks.Size((long)k * n), (start, end) =>
        {
            if (!accumulate)
            {
                c.RowSpan(start, end).Clear();
            }
            for (var p0 = 0; p0 < k; p0 += panel)
            {
                var p1 = Math.Min(k, p0 + panel);
                for (var i = start; i < end; i++)
                {
                    var ai = a.Row(i);
                    var ci = c.Row(i);
                    for (var p = p0; p < p1; p++)
                    {
                        // ReLU and dropout leave many zeros; skipping them is free accuracy-wise.
                        var x = ai[p];
                        if (x != 0f)
                        {
                            TensorPrimitives.MultiplyAdd(b.Row(p), x, ci, ci);
                        }
                    }
                }
            }
        });
    }

    /// <summary>
    /// C = Aᵀ·B, a reduction over A's (many) rows: split into fixed chunks of rows, each summed into its own
    /// partial C in parallel, then the partials added in chunk order. A weight gradient comes out the same
    /// on one core or sixteen.
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
                    var partial = new HostMatrix(partials, chunk * size, c.Rows, c.Columns);
                    var rows = Math.Min(a.Rows, (chunk + 1) * ReductionChunkRows);
                    AccumulateOuterProducts(a, b, partial, chunk * ReductionChunkRows, rows);
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

    /// <summary>partial = Σ_j A[j,:]ᵀ·B[j,:] over rows [start, end).</summary>
    private static void AccumulateOuterProducts(HostMatrix a, HostMatrix b, HostMatrix partial, int start, int end)
    {
        partial.All.Clear();
        for (var j = start; j < end; j++)
        {
            var aj = a.Row(j);
            var bj = b.Row(j);
            if (b.Columns == 1)
            {
                // A one-column B (the logistic head) makes the product a single saxpy per row.
                TensorPrimitives.MultiplyAdd(aj, bj[0], partial.All, partial.All);
                continue;
            }
            for (var i = 0; i < aj.Length; i++)
            {
                var x = aj[i];
                if (x != 0f)
                {
                    TensorPrimitives.MultiplyAdd(bj, x, partial.Row(i), partial.Row(i));
                }
            }
        }
    }

    /// <summary>C = A·Bᵀ: B (a weight matrix, small) is transposed into pooled scratch, then multiplied plainly.</summary>
    private void MultiplyTransposedRight(HostMatrix a, HostMatrix b, HostMatrix c, bool accumulate)
    {
        var scratch = ArrayPool<float>.Shared.Rent(Math.Max(1, b.Length));
        try
        {
            var transposed = new HostMatrix(scratch, 0, b.Columns, b.Rows);
            for (var i = 0; i < b.Rows; i++)
            {
                var row = b.Row(i);
                for (var j = 0; j < row.Length; j++)
                {
                    scratch[(j * b.Rows) + i] = row[j];
                }
            }
            MultiplyPlain(a, transposed, c, accumulate);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
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
