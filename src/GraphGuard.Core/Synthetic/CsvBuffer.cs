using System.Buffers;
using System.Buffers.Text;

namespace GraphGuard.Core.Synthetic;

/// <summary>
/// A growable UTF-8 buffer that formats CSV fields in place, so no row ever becomes a string.
/// Each chunk owns one per output file; they are reused from chunk to chunk.
/// </summary>
internal sealed class CsvBuffer
{
    private static readonly SearchValues<byte> NeedsQuoting = SearchValues.Create(",\"\r\n"u8);
    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    private byte[] _buffer = new byte[1 << 16];
    private int _length;

    /// <summary>Rows ended with <see cref="EndRow"/> since the last <see cref="Clear"/>.</summary>
    public int Rows { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        Rows = 0;
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    public void Byte(byte value)
    {
        Reserve(1)[0] = value;
        _length++;
    }

    public void Comma() => Byte((byte)',');

    public void EndRow()
    {
        Byte((byte)'\n');
        Rows++;
    }

    public void Int(long value)
    {
        Utf8Formatter.TryFormat(value, Reserve(20), out int written);
        _length += written;
    }

    /// <summary>Exactly <paramref name="digits"/> decimal digits, zero-padded (phone numbers).</summary>
    public void Digits(ulong value, int digits)
    {
        var span = Reserve(digits);
        for (int i = digits - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }

        _length += digits;
    }

    public void Hex(ulong value, int digits)
    {
        var span = Reserve(digits);
        for (int i = digits - 1; i >= 0; i--)
        {
            span[i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }

        _length += digits;
    }

    /// <summary>A score in [0, 1] with three decimals; written by hand because it is on the hot path.</summary>
    public void Score(double value)
    {
        int milli = (int)Math.Round(Math.Clamp(value, 0.0, 1.0) * 1000);
        var span = Reserve(5);
        span[0] = (byte)('0' + milli / 1000);
        span[1] = (byte)'.';
        span[2] = (byte)('0' + milli / 100 % 10);
        span[3] = (byte)('0' + milli / 10 % 10);
        span[4] = (byte)('0' + milli % 10);
        _length += 5;
    }

    public void Ip(uint address)
    {
        Int(address >> 24);
        Byte((byte)'.');
        Int((address >> 16) & 0xFF);
        Byte((byte)'.');
        Int((address >> 8) & 0xFF);
        Byte((byte)'.');
        Int(address & 0xFF);
    }

    /// <summary>ISO-8601 UTC with second precision: <c>2026-11-01T12:34:56Z</c>.</summary>
    public void Timestamp(int unixSeconds)
    {
        // Civil-from-days (Hinnant, "chrono-Compatible Low-Level Date Algorithms").
        int days = Math.DivRem(unixSeconds, WorldClock.Day, out int secondOfDay);
        int z = days + 719_468;
        int era = z / 146_097;
        int dayOfEra = z - era * 146_097;
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        var s = Reserve(20);
        Two(s, 0, year / 100);
        Two(s, 2, year % 100);
        s[4] = (byte)'-';
        Two(s, 5, month);
        s[7] = (byte)'-';
        Two(s, 8, day);
        s[10] = (byte)'T';
        Two(s, 11, secondOfDay / 3600);
        s[13] = (byte)':';
        Two(s, 14, secondOfDay / 60 % 60);
        s[16] = (byte)':';
        Two(s, 17, secondOfDay % 60);
        s[19] = (byte)'Z';
        _length += 20;
    }

    /// <summary>A free-text field, quoted per RFC 4180 only when it holds a comma, quote, CR or LF.</summary>
    public void Text(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny(NeedsQuoting) < 0)
        {
            Raw(text);
            return;
        }

        Byte((byte)'"');
        while (true)
        {
            int quote = text.IndexOf((byte)'"');
            if (quote < 0)
            {
                Raw(text);
                break;
            }

            Raw(text[..(quote + 1)]);
            Byte((byte)'"');
            text = text[(quote + 1)..];
        }

        Byte((byte)'"');
    }

    public void WriteTo(Stream stream) => stream.Write(_buffer, 0, _length);

    private static void Two(Span<byte> span, int at, int value)
    {
        span[at] = (byte)('0' + value / 10);
        span[at + 1] = (byte)('0' + value % 10);
    }

    private Span<byte> Reserve(int size)
    {
        if (_length + size > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        }

        return _buffer.AsSpan(_length);
    }
}
