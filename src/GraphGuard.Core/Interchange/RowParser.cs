using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace GraphGuard.Core.Interchange;

/// <summary>
/// Turns CSV records of one file into typed rows, or says exactly why a record was refused. The checks
/// every file shares (CSV syntax, UTF-8, column count) run here; each subclass checks its own fields.
/// </summary>
public abstract class RowParser<TRow>(HeaderLayout layout)
{
    protected HeaderLayout Layout { get; } = layout;

    public bool TryParse(CsvRecord record, [NotNullWhen(true)] out TRow? row, out RowRejection rejection)
    {
        row = default;
        if (record.SyntaxError is { } syntax)
        {
            rejection = new RowRejection(QuarantineReason.MalformedCsv, null, syntax);
            return false;
        }
        if (!Utf8.IsValid(record.Raw))
        {
            rejection = new RowRejection(QuarantineReason.InvalidUtf8, null, "row is not valid UTF-8");
            return false;
        }
        if (record.FieldCount != Layout.ColumnCount)
        {
            rejection = new RowRejection(QuarantineReason.WrongColumnCount, null, $"expected {Layout.ColumnCount} fields, found {record.FieldCount}");
            return false;
        }
        return TryParseFields(record, out row, out rejection);
    }

    protected abstract bool TryParseFields(CsvRecord record, [NotNullWhen(true)] out TRow? row, out RowRejection rejection);

    /// <summary>A required id: non-empty, at most <see cref="FileSchema.MaxIdBytes"/> bytes.</summary>
    protected static bool IsId(CsvRecord record, int index, string column, out RowRejection rejection)
    {
        var length = record[index].Length;
        rejection = length == 0 ? new RowRejection(QuarantineReason.EmptyField, column, "is empty")
            : length > FileSchema.MaxIdBytes ? new RowRejection(QuarantineReason.IdTooLong, column, $"is {length} bytes, more than {FileSchema.MaxIdBytes}")
            : default;
        return length is > 0 and <= FileSchema.MaxIdBytes;
    }

    /// <inheritdoc cref="IsId"/>
    protected static bool TryId(CsvRecord record, int index, string column, [NotNullWhen(true)] out string? id, out RowRejection rejection)
    {
        id = IsId(record, index, column, out rejection) ? Encoding.UTF8.GetString(record[index]) : null;
        return id is not null;
    }

    /// <summary>A required timestamp.</summary>
    protected static bool TryTimestamp(CsvRecord record, int index, string column, out DateTime ts, out RowRejection rejection)
    {
        rejection = default;
        if (IsoTimestamp.TryParse(record[index], out ts))
        {
            return true;
        }
        rejection = new RowRejection(QuarantineReason.BadTimestamp, column, $"'{Shorten(record[index])}' is not an ISO-8601 UTC timestamp like 2026-11-01T12:34:56Z");
        return false;
    }

    /// <summary>An optional timestamp: absent column or empty field gives null.</summary>
    protected static bool TryOptionalTimestamp(CsvRecord record, int index, string column, out DateTime? ts, out RowRejection rejection)
    {
        ts = null;
        rejection = default;
        if (index < 0 || record[index].IsEmpty)
        {
            return true;
        }
        if (!TryTimestamp(record, index, column, out var value, out rejection))
        {
            return false;
        }
        ts = value;
        return true;
    }

    /// <summary>An optional free-text field of at most <paramref name="maxBytes"/>; empty gives null.</summary>
    protected static bool TryOptionalText(CsvRecord record, int index, string column, int maxBytes, out string? text, out RowRejection rejection)
    {
        text = null;
        rejection = default;
        if (index < 0 || record[index].IsEmpty)
        {
            return true;
        }
        if (record[index].Length > maxBytes)
        {
            rejection = new RowRejection(QuarantineReason.FieldTooLong, column, $"is {record[index].Length} bytes, more than {maxBytes}");
            return false;
        }
        text = Encoding.UTF8.GetString(record[index]);
        return true;
    }

    /// <summary>Field text for error messages: short and printable.</summary>
    protected static string Shorten(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.Length > 64 ? bytes[..64] : bytes);
        return bytes.Length > 64 ? text + "…" : text;
    }
}
