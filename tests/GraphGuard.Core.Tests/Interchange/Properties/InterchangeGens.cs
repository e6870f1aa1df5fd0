using System.Globalization;
using System.Text;
using CsCheck;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange.Properties;

/// <summary>Generators for the property tests: CSV text, fields hostile and valid, and rows of each file.</summary>
internal static class InterchangeGens
{
    /// <summary>Characters that stress the reader: separators, quotes, line ends, NUL, controls, multi-byte text.</summary>
    public static readonly Gen<char> HostileChar = Gen.Frequency(
        (6, Gen.Char["abcxyz019_-:.TZ"]),
        (3, Gen.Char[",\"\n\r"]),
        (1, Gen.Char["\0\u0001\u001b\u007f\u0085\t"]),
        (1, Gen.Char["\u00e9\u4e2d\u00a0\uFEFF"]));

    public static readonly Gen<string> HostileField = Gen.String[HostileChar, 0, 24];

    /// <summary>A table of fields, some rows wider than others.</summary>
    public static readonly Gen<string[][]> Table = HostileField.Array[1, 6].Array[1, 30];

    /// <summary>Arbitrary bytes, with CSV's own bytes over-represented.</summary>
    public static readonly Gen<byte[]> HostileBytes = Gen.Frequency(
        (3, Gen.Byte),
        (3, Gen.Byte[(byte)',', (byte)',']),
        (2, Gen.Byte[(byte)'"', (byte)'"']),
        (2, Gen.Byte[(byte)'\n', (byte)'\n']),
        (1, Gen.Byte[(byte)'\r', (byte)'\r'])).Array[0, 400];

    /// <summary>A valid id: 1-40 characters, none of them a control character.</summary>
    public static readonly Gen<string> Id = Gen.String[Gen.Char["abcXYZ019_-.:@ ,\"\u00e9\u4e2d"], 1, 40];

    public static readonly Gen<DateTime> Timestamp =
        Gen.Long[new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).Ticks]
            .Select(t => new DateTime(t, DateTimeKind.Utc));

    /// <summary>A timestamp's text: often inside the plausible range, often anywhere from year 1 to 9999 (mostly implausible).</summary>
    public static readonly Gen<string> AnyTimestampText = Gen.OneOf(
        Timestamp.Select(IsoTimestamp.Format),
        Gen.DateTime.Select(d => IsoTimestamp.Format(DateTime.SpecifyKind(d, DateTimeKind.Utc))));

    /// <summary>
    /// A value shaped for <paramref name="column"/>: valid, just out of bounds or of another kind, and a quarter of the
    /// time hostile characters, so that generated rows often parse and the rules on what parses are tested too.
    /// </summary>
    public static Gen<string> ValueFor(string column) => Gen.Frequency((3, column switch
    {
        "ts" or "created_at" => AnyTimestampText,
        "action" or "signal" => Gen.String[Gen.Char["az09_A-"], 0, 66],
        "target_type" => Gen.OneOf("account", "content", "device", "ip", "phone", "payment", "url", "hashtag", "Account", "planet"),
        "label" => Gen.OneOf("abusive", "benign", "ok", "spam", "Spam", "a b", new string('x', 65)),
        "score" => Gen.OneOf("0", "1", "0.5", "2.5e-1", "1.5", "-0", "NaN", "Infinity", "1e400", "0x1"),
        "media_hash" => Gen.OneOf(Gen.ULong.Select(h => h.ToString("x16", CultureInfo.InvariantCulture)), Gen.String[Gen.Char["0123456789abcdefABCDEFg"], 15, 17]),
        _ when column.StartsWith("f_", StringComparison.Ordinal) => Gen.OneOf(Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)), Gen.OneOf("NaN", "-Infinity", "1e400")),
        _ => Gen.OneOf(Id, HostileField),
    }), (1, HostileField));

    /// <summary>A row for <paramref name="header"/>: each field shaped for its column, or now and then any number of hostile fields.</summary>
    public static Gen<string[]> Row(string header)
    {
        var columns = header.Split(',');
        var shaped = columns.Aggregate(Gen.Const(Array.Empty<string>()), (row, column) => row.SelectMany(r => ValueFor(column).Select(v => (string[])[.. r, v])));
        return Gen.Frequency((6, shaped), (1, HostileField.Array[columns.Length - 1, columns.Length + 1]));
    }

    public static readonly TimestampRange Plausible =
        TimestampRange.Plausible(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(1));

    /// <summary>One CSV line as an exporter following RFC 4180 writes it.</summary>
    public static string Line(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 || f.Length == 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
