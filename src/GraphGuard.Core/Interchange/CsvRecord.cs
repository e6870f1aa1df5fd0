namespace GraphGuard.Core.Interchange;

/// <summary>
/// One CSV record as read by <see cref="CsvRecordReader"/>. It is a view over the reader's buffers:
/// valid until the next call to <see cref="CsvRecordReader.TryRead"/>, so copy out what you keep.
/// </summary>
public sealed class CsvRecord
{
    private byte[] _fieldSource = [];
    private int[] _fieldStarts = new int[16];
    private int[] _fieldLengths = new int[16];
    private byte[] _rawSource = [];
    private int _rawStart;
    private int _rawLength;

    /// <summary>Physical line (1-based) on which the record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Number of fields; zero when <see cref="SyntaxError"/> is set.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Why the record is not valid RFC 4180, or null. Fields are not available then.</summary>
    public string? SyntaxError { get; private set; }

    /// <summary>
    /// The record's bytes as they stand in the file, without the line terminator; for a record longer
    /// than <see cref="CsvRecordReader.MaxRecordBytes"/>, only its first that many bytes (see <see cref="RawCut"/>).
    /// </summary>
    public ReadOnlySpan<byte> Raw => _rawSource.AsSpan(_rawStart, _rawLength);

    /// <summary>Length of the whole record in the file, in bytes, without the line terminator.</summary>
    public long Length { get; private set; }

    /// <summary>True when <see cref="Raw"/> holds only the first part of the record.</summary>
    public bool RawCut => Length > _rawLength;

    /// <summary>
    /// For a record over <see cref="CsvRecordReader.MaxRecordBytes"/>: the position of the field that ran
    /// past the limit; -1 otherwise. <see cref="SyntaxError"/> says how long the record was.
    /// </summary>
    public int OversizeField { get; private set; } = -1;

    /// <summary>The unquoted, unescaped bytes of field <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            if ((uint)index >= (uint)FieldCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"record has {FieldCount} fields");
            }
            return _fieldSource.AsSpan(_fieldStarts[index], _fieldLengths[index]);
        }
    }

    internal void Reset(long line, byte[] rawSource, int rawStart, int rawLength, byte[] fieldSource)
    {
        SetSources(line, rawSource, rawStart, rawLength, fieldSource);
        ClearFields();
    }

    /// <summary>Forgets the fields; the quoted parse collects them before it knows where the record ends.</summary>
    internal void ClearFields()
    {
        FieldCount = 0;
        SyntaxError = null;
        OversizeField = -1;
    }

    /// <summary>Says where the raw record and the field bytes lie, keeping the fields already added.</summary>
    internal void SetSources(long line, byte[] rawSource, int rawStart, int rawLength, byte[] fieldSource)
    {
        Line = line;
        _rawSource = rawSource;
        _rawStart = rawStart;
        _rawLength = rawLength;
        Length = rawLength;
        _fieldSource = fieldSource;
    }

    internal void AddField(int start, int length)
    {
        if (FieldCount == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, FieldCount * 2);
            Array.Resize(ref _fieldLengths, FieldCount * 2);
        }
        _fieldStarts[FieldCount] = start;
        _fieldLengths[FieldCount] = length;
        FieldCount++;
    }

    internal void Fail(string error)
    {
        FieldCount = 0;
        SyntaxError = error;
    }

    /// <summary>Marks the record as over the size limit: <paramref name="length"/> bytes in all, the field at <paramref name="field"/> ran past it.</summary>
    internal void FailOversize(string error, long length, int field)
    {
        Fail(error);
        Length = length;
        OversizeField = field;
    }
}
