namespace GraphGuard.Learning.Tensors;

/// <summary>
/// Floats owned by a tensor backend: managed memory for the CPU backend, device memory for a GPU one.
/// Model code addresses a buffer only through <see cref="MatrixView"/>s handed to backend calls, which is
/// what lets a backend keep its data where it likes.
/// </summary>
internal abstract class DeviceBuffer : IDisposable
{
    protected DeviceBuffer(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
    }

    public long Length { get; }

    /// <summary>A row-major matrix view of <paramref name="rows"/> × <paramref name="columns"/> floats at <paramref name="offset"/>.</summary>
    public MatrixView Matrix(long offset, int rows, int columns) => new(this, offset, rows, columns);

    public abstract void Dispose();
}
