namespace GraphGuard.Core.Interchange;

/// <summary>
/// Strict ISO-8601 UTC timestamps, as format v1 requires: <c>YYYY-MM-DDTHH:MM:SS[.fffffff]Z</c>.
/// Hand-parsed from UTF-8 because it runs once per event and general parsers accept far more than the contract.
/// </summary>
public static class IsoTimestamp
{
    /// <summary>Parses <paramref name="text"/>; the result has <see cref="DateTimeKind.Utc"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length < 20 || text[^1] != (byte)'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }
        if (!TryDigits(text.Slice(0, 4), out var year) || !TryDigits(text.Slice(5, 2), out var month) ||
            !TryDigits(text.Slice(8, 2), out var day) || !TryDigits(text.Slice(11, 2), out var hour) ||
            !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }
        long ticks = 0;
        var fraction = text[19..^1];
        if (!fraction.IsEmpty)
        {
            if (fraction[0] != '.' || fraction.Length < 2 || fraction.Length > 8 || !TryDigits(fraction[1..], out var digits))
            {
                return false;
            }
            ticks = digits;
            for (var i = fraction.Length - 1; i < 7; i++)
            {
                ticks *= 10;
            }
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = b - (byte)'0';
            if ((uint)d > 9)
            {
                return false;
            }
            value = value * 10 + d;
        }
        return true;
    }

    /// <summary>Formats as format v1 writes timestamps (second precision when there is no fraction).</summary>
    public static string Format(DateTime utc) =>
        utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
