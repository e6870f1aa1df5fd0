using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace GraphGuard.Core.Interchange;

/// <summary>
/// Turns CSV records of one file into typed rows, or says exactly why a record was refused. The checks
/// every file shares (CSV syntax, record size, UTF-8, NUL bytes, column count) run here; each subclass
/// checks its own fields. Timestamps outside <paramref name="plausible"/> are refused.
/// </summary>
public abstract class RowParser<TRow>(HeaderLayout layout, TimestampRange? plausible = null)
{
    protected HeaderLayout Layout { get; } = layout;

    /// <summary>The times a row may carry (<see cref="TimestampRange"/>).</summary>
    protected TimestampRange Plausible { get; } = plausible ?? TimestampRange.Unbounded;

    public bool TryParse(CsvRecord record, [NotNullWhen(true)] out TRow? row, out RowRejection rejection)
    {
        row = default;
        if (record.SyntaxError is { } syntax)
        {
            rejection = record.OversizeField >= 0
                ? new RowRejection(QuarantineReason.FieldTooLong, Layout.NameAt(record.OversizeField), syntax)
                : new RowRejection(QuarantineReason.MalformedCsv, null, syntax);
            return false;
        }
        if (!Utf8.IsValid(record.Raw))
        {
            rejection = new RowRejection(QuarantineReason.InvalidUtf8, null, "row is not valid UTF-8");
            return false;
        }
        if (record.Raw.Contains((byte)0))
        {
            rejection = NulByte(record);
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

    // PostgreSQL text cannot hold U+0000: a NUL anywhere would fail the whole batch's COPY, so it is refused here.
    private RowRejection NulByte(CsvRecord record)
    {
        for (var i = 0; i < record.FieldCount; i++)
        {
            var at = record[i].IndexOf((byte)0);
            if (at >= 0)
            {
                return new RowRejection(QuarantineReason.NulByte, Layout.NameAt(i), $"holds a NUL byte (0x00) at byte {at + 1}; text may not contain NUL");
            }
        }
        return new RowRejection(QuarantineReason.NulByte, null, "the row holds a NUL byte (0x00); text may not contain NUL");
    }

    /// <summary>A required id (<see cref="ExternalIds"/>): 1 to 256 bytes, no control characters.</summary>
    protected static bool IsId(CsvRecord record, int index, string column, out RowRejection rejection)
    {
        var value = record[index];
        var fault = ExternalIds.Check(value);
        rejection = fault switch
        {
            IdFault.None => default,
            IdFault.Empty => new RowRejection(QuarantineReason.EmptyField, column, ExternalIds.Describe(fault, value.Length)),
            IdFault.TooLong => new RowRejection(QuarantineReason.IdTooLong, column, ExternalIds.Describe(fault, value.Length)),
            _ => new RowRejection(QuarantineReason.ControlCharacter, column, $"'{Shorten(value)}' {ExternalIds.Describe(fault, value.Length)}"),
        };
        return fault == IdFault.None;
    }

    /// <inheritdoc cref="IsId"/>
    protected static bool TryId(CsvRecord record, int index, string column, [NotNullWhen(true)] out string? id, out RowRejection rejection)
    {
        id = IsId(record, index, column, out rejection) ? Encoding.UTF8.GetString(record[index]) : null;
        return id is not null;
    }

    /// <summary>A required timestamp, inside the plausible range.</summary>
    protected bool TryTimestamp(CsvRecord record, int index, string column, out DateTime ts, out RowRejection rejection)
    {
        rejection = default;
        if (!IsoTimestamp.TryParse(record[index], out ts))
        {
            rejection = new RowRejection(QuarantineReason.BadTimestamp, column, $"'{Shorten(record[index])}' is not an ISO-8601 UTC timestamp like 2026-11-01T12:34:56Z");
            return false;
        }
        if (!Plausible.Contains(ts))
        {
            rejection = new RowRejection(QuarantineReason.ImplausibleTimestamp, column,
                $"{IsoTimestamp.Format(ts)} is outside the plausible range {IsoTimestamp.Format(Plausible.Earliest)} to {IsoTimestamp.Format(Plausible.Latest)}");
            return false;
        }
        return true;
    }

    /// <summary>An optional timestamp: absent column or empty field gives null.</summary>
    protected bool TryOptionalTimestamp(CsvRecord record, int index, string column, out DateTime? ts, out RowRejection rejection)
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

    /// <summary>
    /// An optional free-text field of at most <paramref name="maxBytes"/>; empty gives null. A short label
    /// (<paramref name="controlsAllowed"/> false: a country, a source) may not hold control characters;
    /// free text (a post) may, as it is evidence and kept as written.
    /// </summary>
    protected static bool TryOptionalText(CsvRecord record, int index, string column, int maxBytes, out string? text, out RowRejection rejection,
        bool controlsAllowed = false)
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
        if (!controlsAllowed && ExternalIds.HasControlCharacter(record[index]))
        {
            rejection = new RowRejection(QuarantineReason.ControlCharacter, column, $"'{Shorten(record[index])}' holds a control character");
            return false;
        }
        text = Encoding.UTF8.GetString(record[index]);
        return true;
    }

    /// <summary>A required short label (a verdict's source): present, at most <paramref name="maxBytes"/>, no control characters.</summary>
    protected static bool TryRequiredText(CsvRecord record, int index, string column, int maxBytes, [NotNullWhen(true)] out string? text, out RowRejection rejection)
    {
        if (!TryOptionalText(record, index, column, maxBytes, out text, out rejection))
        {
            return false;
        }
        if (text is null)
        {
            rejection = new RowRejection(QuarantineReason.EmptyField, column, "is empty");
            return false;
        }
        return true;
    }

    /// <summary>Field text for error messages: short and printable.</summary>
    protected static string Shorten(ReadOnlySpan<byte> bytes) => Printable.Of(bytes, 64);
}
