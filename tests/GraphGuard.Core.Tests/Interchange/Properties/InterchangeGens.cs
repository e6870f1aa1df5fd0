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

    public static readonly TimestampRange Plausible =
        TimestampRange.Plausible(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(1));

    /// <summary>One CSV line as an exporter following RFC 4180 writes it.</summary>
    public static string Line(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 || f.Length == 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
