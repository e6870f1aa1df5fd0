using System.Runtime.InteropServices;

namespace GraphGuard.Core.Graph;

/// <summary>
/// A fixed-size array of unmanaged values in native memory, indexed by <see cref="long"/>: .NET arrays
/// stop at 2^31 elements, graphs do not. Freed by <see cref="Dispose"/>, or by the finalizer if forgotten.
/// </summary>
public sealed unsafe class NativeArray<T> : IDisposable where T : unmanaged
{
    private T* _items;

    private NativeArray(long length, bool zeroed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        var bytes = (nuint)length * (nuint)sizeof(T);
        _items = (T*)(zeroed ? NativeMemory.AllocZeroed(Math.Max(bytes, 1)) : NativeMemory.Alloc(Math.Max(bytes, 1)));
        if (bytes > 0)
        {
            GC.AddMemoryPressure((long)bytes);
        }
    }

    ~NativeArray() => Free();

    public long Length { get; }

    /// <summary>New array with every element zero.</summary>
    public static NativeArray<T> Zeroed(long length) => new(length, zeroed: true);

    /// <summary>New array whose contents are whatever memory held: the caller writes every element.</summary>
    public static NativeArray<T> Uninitialized(long length) => new(length, zeroed: false);

    public ref T this[long index]
    {
        get
        {
            if ((ulong)index >= (ulong)Length)
            {
                ThrowIndex(index);
            }
            return ref _items[index];
        }
    }

    /// <summary>A window of at most int.MaxValue elements.</summary>
    public Span<T> AsSpan(long start, int length)
    {
        if (start < 0 || length < 0 || start + length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"[{start}, {start + length}) is outside [0, {Length})");
        }
        return new Span<T>(_items + start, length);
    }

    /// <summary>The whole array as a span; only for arrays shorter than 2^31 elements.</summary>
    public Span<T> AsSpan() => AsSpan(0, checked((int)Length));

    /// <summary>A new array of <paramref name="capacity"/> holding this one's first <paramref name="count"/> elements; this one is freed.</summary>
    public NativeArray<T> Grow(long capacity, long count)
    {
        var to = Uninitialized(capacity);
        for (long start = 0; start < count; start += int.MaxValue)
        {
            var length = (int)Math.Min(int.MaxValue, count - start);
            AsSpan(start, length).CopyTo(to.AsSpan(start, length));
        }
        Dispose();
        return to;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (_items is null)
        {
            return;
        }
        NativeMemory.Free(_items);
        _items = null;
        var bytes = Length * sizeof(T);
        if (bytes > 0)
        {
            GC.RemoveMemoryPressure(bytes);
        }
    }

    private void ThrowIndex(long index) => throw new ArgumentOutOfRangeException(nameof(index), index, $"outside [0, {Length})");
}
