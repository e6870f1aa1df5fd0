using System.Numerics;
using System.Numerics.Tensors;

namespace GraphGuard.Learning.Tensors;

/// <summary>
/// The CPU backend: element-wise work through <see cref="TensorPrimitives"/>, GEMM and SpMM rows through the
/// register-tiled <see cref="WeightedRowSum"/>, all parallel over fixed chunks of rows (<see cref="FixedChunks"/>)
/// so every result is bit-identical for any thread count. Kernels allocate nothing; the only scratch
/// (transposed blocks, GEMM partial sums) is rented from the array pool.
/// </summary>
internal sealed partial class CpuTensorBackend(int maxDegreeOfParallelism = -1) : ITensorBackend
{
    /// <summary>Rows whose L2 norm is below this are divided by it instead, so zero rows stay zero, not NaN.</summary>
    public const float NormEpsilon = 1e-6f;

    private delegate void BinaryKernel(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);

    private readonly ParallelOptions _parallel = new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };

    public DeviceBuffer Allocate(long length)
    {
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "the CPU backend keeps a buffer in one managed array");
        }
        return new CpuBuffer((int)length);
    }

    public void Upload(ReadOnlySpan<float> source, MatrixView destination)
    {
        var d = Host(destination);
        if (source.Length != d.Length)
        {
            throw new ArgumentException($"{source.Length} floats do not fill a {d.Rows} x {d.Columns} view");
        }
        source.CopyTo(d.All);
    }

    public void Download(MatrixView source, Span<float> destination)
    {
        var s = Host(source);
        if (destination.Length != s.Length)
        {
            throw new ArgumentException($"a {s.Rows} x {s.Columns} view does not fill {destination.Length} floats");
        }
        s.All.CopyTo(destination);
    }

    public void GatherRows(float[] source, ReadOnlyMemory<int> rows, MatrixView destination)
    {
        var d = Host(destination);
        if (rows.Length != d.Rows)
        {
            throw new ArgumentException($"{rows.Length} row ids for {d.Rows} destination rows");
        }
        var columns = d.Columns;
        FixedChunks.Run(_parallel, d.Rows, FixedChunks.Size(columns), (start, end) =>
        {
            var ids = rows.Span;
            for (var i = start; i < end; i++)
            {
                source.AsSpan(ids[i] * columns, columns).CopyTo(d.Row(i));
            }
        });
    }

    public void Fill(MatrixView destination, float value) => Host(destination).All.Fill(value);

    public void AddRowVector(MatrixView matrix, MatrixView row)
    {
        var m = Host(matrix);
        var r = Host(row);
        RequireShape(r, 1, m.Columns, nameof(row));
        FixedChunks.Run(_parallel, m.Rows, FixedChunks.Size(m.Columns), (start, end) =>
        {
            var bias = r.All;
            for (var i = start; i < end; i++)
            {
                TensorPrimitives.Add(m.Row(i), bias, m.Row(i));
            }
        });
    }

    public void SumRows(MatrixView matrix, MatrixView sums, bool accumulate)
    {
        var m = Host(matrix);
        var s = Host(sums);
        RequireShape(s, 1, m.Columns, nameof(sums));
        // Sequential on purpose: a column sum is a reduction, and rows × columns adds are cheap next to the GEMMs.
        var total = s.All;
        if (!accumulate)
        {
            total.Clear();
        }
        for (var i = 0; i < m.Rows; i++)
        {
            TensorPrimitives.Add(total, m.Row(i), total);
        }
    }

    public void Relu(MatrixView input, MatrixView output)
    {
        var x = Host(input);
        var y = Host(output);
        RequireShape(y, x.Rows, x.Columns, nameof(output));
        FlatChunks(x.Length, (start, end) =>
            TensorPrimitives.Max(x.All[start..end], 0f, y.All[start..end]));
    }

    public void ReluBackward(MatrixView input, MatrixView gradOutput, MatrixView gradInput) =>
        Elementwise(input, gradOutput, gradInput, PassWherePositive);

    public void DropoutMask(MatrixView mask, float rate, ulong seed)
    {
        if (rate is < 0f or >= 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "a dropout rate is in [0, 1)");
        }
        var m = Host(mask);
        var keep = 1f / (1f - rate);
        // 16-bit uniforms, four per hash: the rate resolves to 1/65536, plenty for dropout.
        var threshold = (ulong)(rate * 65536f);
        FlatChunks(m.Length, (start, end) =>
        {
            var values = m.All;
            var bits = SplitMix.Quarters(seed, start);
            for (var i = start; i < end; i++)
            {
                if ((i & 3) == 0)
                {
                    bits = SplitMix.Quarters(seed, i);
                }
                // Branch-free: a 0/1 from the borrow of (draw - threshold), as drops mispredict at random.
                var dropped = (((bits >> SplitMix.QuarterShift(i)) & 0xFFFF) - threshold) >> 63;
                values[i] = keep * (1 - dropped);
            }
        });
    }

    public void Multiply(MatrixView x, MatrixView y, MatrixView destination) =>
        Elementwise(x, y, destination, TensorPrimitives.Multiply);

    public void L2NormalizeRows(MatrixView input, MatrixView output, MatrixView norms)
    {
        var x = Host(input);
        var y = Host(output);
        var n = Host(norms);
        RequireShape(y, x.Rows, x.Columns, nameof(output));
        RequireShape(n, x.Rows, 1, nameof(norms));
        FixedChunks.Run(_parallel, x.Rows, FixedChunks.Size(x.Columns), (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                var divisor = MathF.Max(TensorPrimitives.Norm<float>(x.Row(i)), NormEpsilon);
                n.Data[n.Offset + i] = divisor;
                TensorPrimitives.Divide(x.Row(i), divisor, y.Row(i));
            }
        });
    }

    public void L2NormalizeRowsBackward(MatrixView output, MatrixView norms, MatrixView gradOutput, MatrixView gradInput)
    {
        var y = Host(output);
        var n = Host(norms);
        var gy = Host(gradOutput);
        var gx = Host(gradInput);
        RequireShape(n, y.Rows, 1, nameof(norms));
        RequireShape(gy, y.Rows, y.Columns, nameof(gradOutput));
        RequireShape(gx, y.Rows, y.Columns, nameof(gradInput));
        FixedChunks.Run(_parallel, y.Rows, FixedChunks.Size(y.Columns), (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                var divisor = n.Data[n.Offset + i];
                if (divisor > NormEpsilon)
                {
                    // d(x/|x|) = (I - y yᵀ)/|x|: remove the radial part of the gradient.
                    var radial = TensorPrimitives.Dot<float>(y.Row(i), gy.Row(i));
                    TensorPrimitives.MultiplyAdd(y.Row(i), -radial, gy.Row(i), gx.Row(i));
                    TensorPrimitives.Divide(gx.Row(i), divisor, gx.Row(i));
                }
                else
                {
                    // The floor was used as a constant divisor.
                    TensorPrimitives.Divide(gy.Row(i), divisor, gx.Row(i));
                }
            }
        });
    }

    public void AdamUpdate(MatrixView parameters, MatrixView gradients, MatrixView firstMoment, MatrixView secondMoment, AdamStep step)
    {
        var p = Host(parameters).All;
        var g = Host(gradients).All;
        var m = Host(firstMoment).All;
        var v = Host(secondMoment).All;
        if (g.Length != p.Length || m.Length != p.Length || v.Length != p.Length)
        {
            throw new ArgumentException("parameters, gradients and moments differ in length");
        }
        // Bias correction folded into the step size (Kingma and Ba, section 2).
        var rate = step.LearningRate * MathF.Sqrt(1f - MathF.Pow(step.Beta2, step.Step)) / (1f - MathF.Pow(step.Beta1, step.Step));
        for (var i = 0; i < p.Length; i++)
        {
            var gi = g[i] + (step.WeightDecay * p[i]);
            m[i] = (step.Beta1 * m[i]) + ((1f - step.Beta1) * gi);
            v[i] = (step.Beta2 * v[i]) + ((1f - step.Beta2) * gi * gi);
            p[i] -= rate * m[i] / (MathF.Sqrt(v[i]) + step.Epsilon);
        }
    }

    public void Dispose()
    {
        // Buffers are managed arrays; nothing is held natively.
    }

    private void FlatChunks(int length, Action<int, int> body) => FixedChunks.Run(_parallel, length, FixedChunks.Size(1), body);

    /// <summary>destination = kernel(x, y) over three same-shaped views, in flat chunks.</summary>
    private void Elementwise(MatrixView x, MatrixView y, MatrixView destination, BinaryKernel kernel)
    {
        var (a, b, d) = (Host(x), Host(y), Host(destination));
        RequireShape(b, a.Rows, a.Columns, nameof(y));
        RequireShape(d, a.Rows, a.Columns, nameof(destination));
        FlatChunks(a.Length, (start, end) => kernel(a.All[start..end], b.All[start..end], d.All[start..end]));
    }

    private static void PassWherePositive(ReadOnlySpan<float> x, ReadOnlySpan<float> gy, Span<float> gx)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var positive = Vector.GreaterThan(new Vector<float>(x[i..]), Vector<float>.Zero);
                Vector.ConditionalSelect(positive, new Vector<float>(gy[i..]), Vector<float>.Zero).CopyTo(gx[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            gx[i] = x[i] > 0f ? gy[i] : 0f;
        }
    }

    private static HostMatrix Host(MatrixView view)
    {
        if (view.Buffer is not CpuBuffer buffer)
        {
            throw new ArgumentException("the view's buffer was not allocated by the CPU backend", nameof(view));
        }
        return new HostMatrix(buffer.Data, (int)view.Offset, view.Rows, view.Columns);
    }

    private static void RequireShape(HostMatrix m, int rows, int columns, string name)
    {
        if (m.Rows != rows || m.Columns != columns)
        {
            throw new ArgumentException($"{name} is {m.Rows} x {m.Columns}, expected {rows} x {columns}", name);
        }
    }
}
