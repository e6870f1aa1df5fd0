using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// A batch of rows encoded in PostgreSQL's binary COPY format, built in memory so the same bytes can be
/// sent to the real table and, if that meets a conflict, to a stage table for a merge.
/// </summary>
/// <remarks>
/// Implementation note: encoding here instead of through NpgsqlBinaryImporter removes a per-value type
/// resolution and lets parsing overlap with the server's work (the payload is built on another thread).
/// Format: "PGCOPY\n\377\r\n\0", int32 flags, int32 extension length; per row an int16 field count and
/// per field an int32 length (-1 for NULL) then the value; an int16 -1 trailer. All big-endian.
/// </remarks>
internal sealed class CopyPayload : IDisposable
{
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _length;

    public CopyPayload()
    {
        Signature.CopyTo(_buffer);
        _length = Signature.Length + 8; // flags and header extension length, both zero
        _buffer.AsSpan(Signature.Length, 8).Clear();
    }

    public int Rows { get; private set; }

    /// <summary>The complete COPY stream, trailer included. Call once, after the last row.</summary>
    public ReadOnlyMemory<byte> Complete()
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        return _buffer.AsMemory(0, _length);
    }

    public void StartRow(short fields)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), fields);
        Rows++;
    }

    public void WriteNull() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    public void WriteInt16(short value)
    {
        var span = Reserve(6);
        BinaryPrimitives.WriteInt32BigEndian(span, 2);
        BinaryPrimitives.WriteInt16BigEndian(span[4..], value);
    }

    public void WriteInt32(int value)
    {
        var span = Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
    }

    public void WriteInt64(long value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    public void WriteFloat4(float value)
    {
        var span = Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteSingleBigEndian(span[4..], value);
    }

    /// <summary>A timestamptz: microseconds since 2000-01-01 UTC.</summary>
    public void WriteTimestamp(DateTime utc)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], (utc.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    public void WriteTimestamp(DateTime? utc)
    {
        if (utc is { } value)
        {
            WriteTimestamp(value);
        }
        else
        {
            WriteNull();
        }
    }

    /// <summary>A one-dimensional real[] (float4 array) with lower bound 1 and no NULL elements.</summary>
    public void WriteFloat4Array(ReadOnlySpan<float> values)
    {
        const int Float4Oid = 700;
        var span = Reserve(4 + 20 + (values.Length * 8));
        BinaryPrimitives.WriteInt32BigEndian(span, 20 + (values.Length * 8));
        BinaryPrimitives.WriteInt32BigEndian(span[4..], 1);          // dimensions
        BinaryPrimitives.WriteInt32BigEndian(span[8..], 0);          // has nulls
        BinaryPrimitives.WriteInt32BigEndian(span[12..], Float4Oid); // element type
        BinaryPrimitives.WriteInt32BigEndian(span[16..], values.Length);
        BinaryPrimitives.WriteInt32BigEndian(span[20..], 1);         // lower bound
        var at = 24;
        foreach (var v in values)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[at..], 4);
            BinaryPrimitives.WriteSingleBigEndian(span[(at + 4)..], v);
            at += 8;
        }
    }

    /// <summary>A one-dimensional text[] with lower bound 1 and no NULL elements (an empty one has no dimensions).</summary>
    public void WriteTextArray(IReadOnlyList<string> values)
    {
        const int TextOid = 25;
        var header = Reserve(4 + 12 + (values.Count > 0 ? 8 : 0));
        var start = _length;
        BinaryPrimitives.WriteInt32BigEndian(header[4..], values.Count > 0 ? 1 : 0); // dimensions
        BinaryPrimitives.WriteInt32BigEndian(header[8..], 0);                       // has nulls
        BinaryPrimitives.WriteInt32BigEndian(header[12..], TextOid);                // element type
        if (values.Count > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(header[16..], values.Count);
            BinaryPrimitives.WriteInt32BigEndian(header[20..], 1);                  // lower bound
        }
        foreach (var value in values)
        {
            WriteText(value);
        }
        // The length prefix counts everything after it; the buffer may have moved while the elements grew it.
        var length = _length - start + header.Length - 4;
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(start - header.Length, 4), length);
    }

    /// <summary>Text (or bytea) from bytes already in the right encoding.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        var span = Reserve(4 + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, value.Length);
        value.CopyTo(span[4..]);
    }

    public void WriteText(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }
        var span = Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        _length -= span.Length - 4 - written;
    }

    /// <summary>jsonb's binary form: a version byte (1) and the JSON text.</summary>
    public void WriteJsonb(ReadOnlySpan<byte> utf8Json)
    {
        var span = Reserve(5 + utf8Json.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, 1 + utf8Json.Length);
        span[4] = 1;
        utf8Json.CopyTo(span[5..]);
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var span = _buffer.AsSpan(_length, bytes);
        _length += bytes;
        return span;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
