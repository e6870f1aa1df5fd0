using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GraphGuard.Learning.Tensors;

/// <summary>
/// The one inner kernel of the CPU backend: destination = Σ_q w_q · source[row_q] (plus destination when
/// accumulating). A GEMM row is this with the rows of B in order; a sparse mean is this with the sampled
/// rows. It is that simple loop, but over tiles of 32 columns held in four registers for the whole sum, so a
/// term costs one load and one FMA per 8 columns instead of a load-modify-store of the destination.
/// </summary>
/// <remarks>
/// Implementation note: measured first with TensorPrimitives.MultiplyAdd per term (the destination row
/// round-trips through memory on every term, and call overhead dominates rows of 32-64 floats); this kernel
/// made the GEMMs and aggregations several times faster. Terms are summed in order for every column, so
/// results do not depend on how callers split rows across threads.
/// </remarks>
internal static class WeightedRowSum
{
    private const int Lanes = 8;
    private const int TileColumns = 4 * Lanes;

    /// <param name="weights">w_q, one per term.</param>
    /// <param name="rows">row_q, one per term; empty means rows 0, 1, 2, … in order.</param>
    /// <param name="source">The matrix whose rows are combined; every row_q must be one of its rows.</param>
    /// <param name="destination">A row as wide as the source.</param>
    /// <param name="accumulate">Add to the destination instead of overwriting it.</param>
    public static void Compute(ReadOnlySpan<float> weights, ReadOnlySpan<int> rows, HostMatrix source, Span<float> destination, bool accumulate)
    {
        if (!rows.IsEmpty && rows.Length != weights.Length)
        {
            throw new ArgumentException("one row per weight");
        }
        if (rows.IsEmpty && weights.Length > source.Rows)
        {
            throw new ArgumentException("more weights than source rows");
        }
        // The tiles read without bounds checks, so every row is checked once here.
        foreach (var row in rows)
        {
            if ((uint)row >= (uint)source.Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"outside the source's {source.Rows} rows");
            }
        }
        var width = destination.Length;
        if (width != source.Columns)
        {
            throw new ArgumentException($"a destination of {width} for source rows of {source.Columns}");
        }
        var column = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; column + TileColumns <= width; column += TileColumns)
            {
                FourVectors(weights, rows, source, destination, column, accumulate);
            }
            for (; column + Lanes <= width; column += Lanes)
            {
                OneVector(weights, rows, source, destination, column, accumulate);
            }
        }
        for (; column < width; column++)
        {
            var sum = accumulate ? destination[column] : 0f;
            for (var q = 0; q < weights.Length; q++)
            {
                sum += weights[q] * source.Data[Start(source, rows, q) + column];
            }
            destination[column] = sum;
        }
    }

    private static void FourVectors(ReadOnlySpan<float> weights, ReadOnlySpan<int> rows, HostMatrix source, Span<float> destination, int column, bool accumulate)
    {
        ref var data = ref MemoryMarshal.GetArrayDataReference(source.Data);
        ref var target = ref MemoryMarshal.GetReference(destination);
        var c = (nuint)column;
        var (s0, s1, s2, s3) = accumulate
            ? (Vector256.LoadUnsafe(ref target, c), Vector256.LoadUnsafe(ref target, c + Lanes), Vector256.LoadUnsafe(ref target, c + (2 * Lanes)), Vector256.LoadUnsafe(ref target, c + (3 * Lanes)))
            : (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
        for (var q = 0; q < weights.Length; q++)
        {
            var w = Vector256.Create(weights[q]);
            var at = (nuint)(Start(source, rows, q) + column);
            s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref data, at), w, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref data, at + Lanes), w, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref data, at + (2 * Lanes)), w, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref data, at + (3 * Lanes)), w, s3);
        }
        s0.StoreUnsafe(ref target, c);
        s1.StoreUnsafe(ref target, c + Lanes);
        s2.StoreUnsafe(ref target, c + (2 * Lanes));
        s3.StoreUnsafe(ref target, c + (3 * Lanes));
    }

    private static void OneVector(ReadOnlySpan<float> weights, ReadOnlySpan<int> rows, HostMatrix source, Span<float> destination, int column, bool accumulate)
    {
        ref var data = ref MemoryMarshal.GetArrayDataReference(source.Data);
        ref var target = ref MemoryMarshal.GetReference(destination);
        var sum = accumulate ? Vector256.LoadUnsafe(ref target, (nuint)column) : Vector256<float>.Zero;
        for (var q = 0; q < weights.Length; q++)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref data, (nuint)(Start(source, rows, q) + column)), Vector256.Create(weights[q]), sum);
        }
        sum.StoreUnsafe(ref target, (nuint)column);
    }

    /// <summary>Offset of term q's source row in the source array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Start(HostMatrix source, ReadOnlySpan<int> rows, int q) => source.Offset + ((rows.IsEmpty ? q : rows[q]) * source.Columns);
}
