using System.Diagnostics;
using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Tests.Tensors;

/// <summary>Wraps a backend and adds up wall time per op, to see where an epoch goes.</summary>
internal sealed class TimedBackend(ITensorBackend inner) : ITensorBackend
{
    private readonly Dictionary<string, (long Ticks, long Calls)> _times = [];

    public IEnumerable<(string Op, TimeSpan Time, long Calls)> Times =>
        _times.OrderByDescending(t => t.Value.Ticks).Select(t => (t.Key, Stopwatch.GetElapsedTime(0, t.Value.Ticks), t.Value.Calls));

    public DeviceBuffer Allocate(long length) => Time("Allocate", () => inner.Allocate(length));

    public void Upload(ReadOnlySpan<float> source, MatrixView destination)
    {
        var start = Stopwatch.GetTimestamp();
        inner.Upload(source, destination);
        Add("Upload", start);
    }

    public void Download(MatrixView source, Span<float> destination)
    {
        var start = Stopwatch.GetTimestamp();
        inner.Download(source, destination);
        Add("Download", start);
    }

    public void GatherRows(float[] source, ReadOnlyMemory<int> rows, MatrixView destination) => Time("GatherRows", () => inner.GatherRows(source, rows, destination));

    public void Fill(MatrixView destination, float value) => Time("Fill", () => inner.Fill(destination, value));

    public void Gemm(MatrixView a, bool transposeA, MatrixView b, bool transposeB, MatrixView c, bool accumulate)
    {
        var op = $"Gemm{(transposeA ? "T" : "N")}{(transposeB ? "T" : "N")}";
        Time(op, () => inner.Gemm(a, transposeA, b, transposeB, c, accumulate));
        Flops[op] = Flops.GetValueOrDefault(op) + (2.0 * c.Rows * c.Columns * (transposeA ? a.Rows : a.Columns));
    }

    /// <summary>Floating-point operations per GEMM variant.</summary>
    public Dictionary<string, double> Flops { get; } = [];

    public void Aggregate(SparseBlock a, MatrixView source, MatrixView destination) => Time("Aggregate", () => inner.Aggregate(a, source, destination));

    public void AggregateTransposed(SparseBlock a, MatrixView source, MatrixView destination, bool accumulate) =>
        Time("AggregateTransposed", () => inner.AggregateTransposed(a, source, destination, accumulate));

    public void AddRowVector(MatrixView matrix, MatrixView row) => Time("AddRowVector", () => inner.AddRowVector(matrix, row));

    public void SumRows(MatrixView matrix, MatrixView sums, bool accumulate) => Time("SumRows", () => inner.SumRows(matrix, sums, accumulate));

    public void Relu(MatrixView input, MatrixView output) => Time("Relu", () => inner.Relu(input, output));

    public void ReluBackward(MatrixView input, MatrixView gradOutput, MatrixView gradInput) => Time("ReluBackward", () => inner.ReluBackward(input, gradOutput, gradInput));

    public void DropoutMask(MatrixView mask, float rate, ulong seed) => Time("DropoutMask", () => inner.DropoutMask(mask, rate, seed));

    public void Multiply(MatrixView x, MatrixView y, MatrixView destination) => Time("Multiply", () => inner.Multiply(x, y, destination));

    public void L2NormalizeRows(MatrixView input, MatrixView output, MatrixView norms) => Time("L2NormalizeRows", () => inner.L2NormalizeRows(input, output, norms));

    public void L2NormalizeRowsBackward(MatrixView output, MatrixView norms, MatrixView gradOutput, MatrixView gradInput) =>
        Time("L2NormalizeRowsBackward", () => inner.L2NormalizeRowsBackward(output, norms, gradOutput, gradInput));

    public void AdamUpdate(MatrixView parameters, MatrixView gradients, MatrixView firstMoment, MatrixView secondMoment, AdamStep step) =>
        Time("AdamUpdate", () => inner.AdamUpdate(parameters, gradients, firstMoment, secondMoment, step));

    public void Dispose() => inner.Dispose();

    private void Time(string op, Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        Add(op, start);
    }

    private T Time<T>(string op, Func<T> action)
    {
        var start = Stopwatch.GetTimestamp();
        var result = action();
        Add(op, start);
        return result;
    }

    private void Add(string op, long start)
    {
        var (ticks, calls) = _times.GetValueOrDefault(op);
        _times[op] = (ticks + (Stopwatch.GetTimestamp() - start), calls + 1);
    }
}
