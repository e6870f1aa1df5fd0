using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// A backend buffer reused across mini-batches whose sizes vary: it grows (by half again) when a batch needs
/// more and is otherwise handed out as is, so steady-state training allocates nothing. Contents do not
/// survive a growth; every user writes its view before reading it.
/// </summary>
internal sealed class ScratchMatrix(ITensorBackend backend) : IDisposable
{
    private DeviceBuffer? _buffer;

    public MatrixView Shape(int rows, int columns)
    {
        var length = (long)rows * columns;
        if (_buffer is null || _buffer.Length < length)
        {
            var grown = Math.Max(length, (_buffer?.Length ?? 0) * 3 / 2);
            _buffer?.Dispose();
            _buffer = backend.Allocate(grown);
        }
        return _buffer.Matrix(0, rows, columns);
    }

    public void Dispose() => _buffer?.Dispose();
}
