using System.Buffers.Binary;

namespace GraphGuard.Storage.Snapshots;

/// <summary>
/// Decodes PostgreSQL's binary COPY stream field by field from a buffered window: the counterpart of
/// the ingest's encoder, without a per-value type lookup.
/// </summary>
internal sealed class BinaryCopyReader(Stream stream)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos;
    private int _end;

    public void ReadHeader()
    {
        Ensure(19);
        if (_buffer[0] != 'P' || _buffer[1] != 'G' || _buffer[2] != 'C')
        {
            throw new InvalidDataException("not a PostgreSQL binary COPY stream");
        }
        _pos += 15;
        var extension = BinaryPrimitives.ReadInt32BigEndian(Take(4));
        Skip(extension);
    }

    /// <summary>Moves to the next row; false at the trailer.</summary>
    public bool NextRow(out int fields)
    {
        fields = BinaryPrimitives.ReadInt16BigEndian(Take(2));
        return fields != -1;
    }

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Field(4));

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Field(2));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Field(8));

    private ReadOnlySpan<byte> Field(int expected)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(Take(4));
        if (length != expected)
        {
            throw new InvalidDataException(length < 0 ? "unexpected NULL in a snapshot column" : $"field of {length} bytes where {expected} were expected");
        }
        return Take(expected);
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        Ensure(count);
        var span = _buffer.AsSpan(_pos, count);
        _pos += count;
        return span;
    }

    private void Skip(int count)
    {
        while (count > 0)
        {
            Ensure(1);
            var step = Math.Min(count, _end - _pos);
            _pos += step;
            count -= step;
        }
    }

    private void Ensure(int count)
    {
        if (_end - _pos >= count)
        {
            return;
        }
        _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
        _end -= _pos;
        _pos = 0;
        while (_end < count)
        {
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                throw new EndOfStreamException("COPY stream ended inside a row");
            }
            _end += read;
        }
    }
}
