using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace GraphGuard.Core.Interchange;

/// <summary>
/// Streams RFC 4180 records from UTF-8 bytes without loading the input: a pooled window is refilled as
/// records are consumed. Records may span lines inside quotes. A malformed record is returned with
/// <see cref="CsvRecord.SyntaxError"/> set and covers only its first physical line, so the reader
/// resynchronises on the next line and nothing after a stray quote is lost. A record longer than
/// <see cref="MaxRecordBytes"/> is one record however many lines its quotes span: it is streamed past,
/// keeping its first <see cref="MaxRecordBytes"/> bytes as evidence.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    /// <summary>Longest record accepted, and the evidence kept of a longer one; longer ones are reported, not buffered without bound.</summary>
    public const int MaxRecordBytes = 1 << 20;

    private const byte Quote = (byte)'"';
    private const byte Comma = (byte)',';
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly Stream _stream;
    private readonly CsvRecord _record = new();
    private byte[] _buffer;
    private byte[] _scratch;
    private int _pos;
    private int _end;
    private bool _eof;
    private bool _started;
    private long _line = 1;

    public CsvRecordReader(Stream stream, int bufferSize = 1 << 16)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 64));
        _scratch = ArrayPool<byte>.Shared.Rent(256);
    }

    /// <summary>Reads the next record; false at the end of the input. Blank lines are skipped.</summary>
    public bool TryRead([NotNullWhen(true)] out CsvRecord? record)
    {
        while (true)
        {
            if (_pos == _end && !Fill())
            {
                record = null;
                return false;
            }
            if (!_started)
            {
                _started = true;
                if (!EnsureAvailable(3) || !_buffer.AsSpan(_pos, 3).SequenceEqual("\uFEFF"u8))
                {
                    continue;
                }
                _pos += 3;
                continue;
            }

            var lineLength = FindLineEnd();
            if (lineLength < 0)
            {
                record = ReadOversizeRecord();
                return true;
            }
            var line = _buffer.AsSpan(_pos, lineLength);
            var terminator = _pos + lineLength < _end ? 1 : 0;
            var content = line.Length > 0 && line[^1] == Cr ? line[..^1] : line;
            if (content.IsEmpty)
            {
                Advance(lineLength + terminator, newlines: terminator);
                continue;
            }
            record = content.Contains(Quote) ? ReadQuoted(lineLength, terminator) : ReadPlain(content.Length, lineLength + terminator, terminator);
            return true;
        }
    }

    private CsvRecord ReadPlain(int contentLength, int consumed, int newlines)
    {
        _record.Reset(_line, _buffer, _pos, contentLength, _buffer);
        var start = _pos;
        var span = _buffer.AsSpan(_pos, contentLength);
        while (true)
        {
            var comma = span.IndexOf(Comma);
            if (comma < 0)
            {
                _record.AddField(start, span.Length);
                break;
            }
            _record.AddField(start, comma);
            start += comma + 1;
            span = span[(comma + 1)..];
        }
        Advance(consumed, newlines);
        return _record;
    }

    private CsvRecord ReadQuoted(int firstLineLength, int firstLineTerminator)
    {
        while (true)
        {
            var outcome = TryParseQuoted(out var consumed, out var rawLength, out var error);
            if (outcome == QuotedOutcome.NeedMore && _end - _pos >= MaxRecordBytes)
            {
                return ReadOversizeRecord();
            }
            if (outcome == QuotedOutcome.NeedMore && (Fill() || _eof))
            {
                // The window was compacted and extended (or the end was reached): parse again from _pos.
                firstLineLength = FindLineEnd();
                if (firstLineLength < 0)
                {
                    return ReadOversizeRecord();
                }
                firstLineTerminator = _pos + firstLineLength < _end ? 1 : 0;
                continue;
            }
            if (outcome == QuotedOutcome.Complete)
            {
                var newlines = _buffer.AsSpan(_pos, consumed).Count(Lf);
                // The scratch buffer may have grown during the parse: point the record at the final one.
                _record.SetSources(_line, _buffer, _pos, rawLength, _scratch);
                Advance(consumed, newlines);
                return _record;
            }
            error ??= "unterminated quoted field at end of input";
            return FailFirstLine(firstLineLength, firstLineTerminator, error);
        }
    }

    private CsvRecord FailFirstLine(int lineLength, int terminator, string error)
    {
        var line = _buffer.AsSpan(_pos, lineLength);
        var contentLength = line.Length > 0 && line[^1] == Cr ? line.Length - 1 : line.Length;
        _record.Reset(_line, _buffer, _pos, contentLength, _buffer);
        _record.Fail(error);
        Advance(lineLength + terminator, terminator);
        return _record;
    }

    private enum QuotedOutcome { Complete, NeedMore, Malformed }

    private QuotedOutcome TryParseQuoted(out int consumed, out int rawLength, out string? error)
    {
        consumed = rawLength = 0;
        error = null;
        _record.ClearFields();
        var scratchLength = 0;
        var b = _buffer;
        var i = _pos;
        var limit = _end;
        while (true)
        {
            var fieldStart = scratchLength;
            if (i < limit && b[i] == Quote)
            {
                i++;
                while (true)
                {
                    var q = b.AsSpan(i, limit - i).IndexOf(Quote);
                    if (q < 0)
                    {
                        return _eof ? Malformed(out error, null) : QuotedOutcome.NeedMore;
                    }
                    Append(ref scratchLength, b.AsSpan(i, q));
                    i += q + 1;
                    if (i == limit && !_eof)
                    {
                        return QuotedOutcome.NeedMore;
                    }
                    if (i < limit && b[i] == Quote)
                    {
                        Append(ref scratchLength, "\""u8);
                        i++;
                        continue;
                    }
                    break;
                }
                if (i < limit && b[i] != Comma && b[i] != Lf && b[i] != Cr)
                {
                    return Malformed(out error, "unexpected character after closing quote");
                }
            }
            else
            {
                var rest = b.AsSpan(i, limit - i);
                var stop = rest.IndexOfAny(Comma, Lf, Quote);
                if (stop < 0 && !_eof)
                {
                    return QuotedOutcome.NeedMore;
                }
                var length = stop < 0 ? rest.Length : stop;
                if (stop >= 0 && rest[stop] == Quote)
                {
                    return Malformed(out error, "quote inside an unquoted field");
                }
                var field = rest[..length];
                if (field.Length > 0 && field[^1] == Cr && (stop < 0 || rest[stop] == Lf))
                {
                    field = field[..^1];
                }
                Append(ref scratchLength, field);
                i += length;
            }
            _record.AddField(fieldStart, scratchLength - fieldStart);

            if (i == limit)
            {
                if (!_eof)
                {
                    return QuotedOutcome.NeedMore;
                }
                consumed = rawLength = i - _pos;
                return QuotedOutcome.Complete;
            }
            if (b[i] == Comma)
            {
                i++;
                continue;
            }
            if (b[i] == Cr)
            {
                if (i + 1 == limit && !_eof)
                {
                    return QuotedOutcome.NeedMore;
                }
                if (i + 1 < limit && b[i + 1] != Lf)
                {
                    return Malformed(out error, "carriage return not followed by a line feed");
                }
                rawLength = i - _pos;
                consumed = Math.Min(i + 2, limit) - _pos;
                return QuotedOutcome.Complete;
            }
            rawLength = i - _pos;
            consumed = i + 1 - _pos;
            return QuotedOutcome.Complete;
        }
    }

    private static QuotedOutcome Malformed(out string? error, string? reason)
    {
        error = reason;
        return QuotedOutcome.Malformed;
    }

    private void Append(ref int length, ReadOnlySpan<byte> bytes)
    {
        if (length + bytes.Length > _scratch.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_scratch.Length * 2, length + bytes.Length));
            _scratch.AsSpan(0, length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = bigger;
        }
        bytes.CopyTo(_scratch.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>Length of the line at <see cref="_pos"/> (without LF), reading more as needed; -1 if over the limit.</summary>
    private int FindLineEnd()
    {
        var searched = 0;
        while (true)
        {
            var lf = _buffer.AsSpan(_pos + searched, _end - _pos - searched).IndexOf(Lf);
            if (lf >= 0)
            {
                return searched + lf;
            }
            searched = _end - _pos;
            if (searched >= MaxRecordBytes)
            {
                return -1;
            }
            if (!Fill())
            {
                return _end - _pos;
            }
        }
    }

    /// <summary>
    /// Streams past a record longer than <see cref="MaxRecordBytes"/> that starts at <see cref="_pos"/>: the
    /// record ends at the first line feed outside quotes (each quote toggles, as <c>""</c> inside a quoted
    /// field toggles twice), or at the end of input. Its first <see cref="MaxRecordBytes"/> bytes are kept.
    /// </summary>
    private CsvRecord ReadOversizeRecord()
    {
        var kept = new byte[MaxRecordBytes];
        var keptLength = 0;
        long length = 0;
        long innerNewlines = 0;
        var inQuotes = false;
        var field = 0;
        var terminated = false;
        while (!terminated && (_pos < _end || Fill()))
        {
            var span = _buffer.AsSpan(_pos, _end - _pos);
            var scanned = 0;
            while (scanned < span.Length)
            {
                var next = span[scanned..].IndexOfAny(Quote, Lf, Comma);
                if (next < 0)
                {
                    scanned = span.Length;
                    break;
                }
                var at = scanned + next;
                scanned = at + 1;
                if (span[at] == Quote)
                {
                    inQuotes = !inQuotes;
                }
                else if (span[at] == Comma)
                {
                    // Count fields only up to the limit: the field being read there is the one too long.
                    field += !inQuotes && length + at < MaxRecordBytes ? 1 : 0;
                }
                else if (inQuotes)
                {
                    innerNewlines++;
                }
                else
                {
                    terminated = true;
                    scanned = at;
                    break;
                }
            }
            var keep = Math.Min(scanned, MaxRecordBytes - keptLength);
            span[..keep].CopyTo(kept.AsSpan(keptLength));
            keptLength += keep;
            length += scanned;
            _pos += scanned + (terminated ? 1 : 0);
        }
        if (length <= MaxRecordBytes && terminated && keptLength > 0 && kept[keptLength - 1] == Cr)
        {
            keptLength--;
            length--;
        }
        var firstLine = _line;
        var lastLine = _line + innerNewlines;
        _line = lastLine + (terminated ? 1 : 0);
        _record.Reset(firstLine, kept, 0, keptLength, kept);
        var lines = lastLine > firstLine ? $"lines {firstLine}-{lastLine}" : $"line {firstLine}";
        if (!terminated && inQuotes)
        {
            _record.FailOversize($"a quoted field opened on line {firstLine} never closes: {lines} to the end of the input are one record of {length} bytes", length, -1);
        }
        else
        {
            _record.FailOversize($"the record ({lines}) is {length} bytes, more than the {MaxRecordBytes} a record may have; field {field + 1} runs past the limit", length, field);
        }
        return _record;
    }

    /// <summary>Physical line (1-based) at which the next record starts: where reading stopped.</summary>
    public long Line => _line;

    private bool EnsureAvailable(int count)
    {
        while (_end - _pos < count)
        {
            if (!Fill())
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Compacts the window and reads more; false when nothing more could be read.</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }
        var remaining = _end - _pos;
        if (remaining == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_pos, remaining).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_pos > 0)
        {
            _buffer.AsSpan(_pos, remaining).CopyTo(_buffer);
        }
        _pos = 0;
        _end = remaining;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }

    private void Advance(int bytes, int newlines)
    {
        _pos += bytes;
        _line += newlines;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_scratch);
        _buffer = _scratch = [];
    }
}
