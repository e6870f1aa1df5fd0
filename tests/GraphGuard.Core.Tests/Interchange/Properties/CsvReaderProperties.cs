using System.Text;
using CsCheck;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange.Properties;

/// <summary>Properties of the CSV reader over generated input (CsCheck; a failure prints the seed that replays it).</summary>
public sealed class CsvReaderProperties
{
    private static List<(long Line, string? Error, string[] Fields, long Length, int Raw)> ReadAll(byte[] input, int bufferSize)
    {
        using var reader = new CsvRecordReader(new MemoryStream(input), bufferSize);
        var read = new List<(long, string?, string[], long, int)>();
        while (reader.TryRead(out var r))
        {
            read.Add((r.Line, r.SyntaxError, [.. Enumerable.Range(0, r.FieldCount).Select(i => Encoding.UTF8.GetString(r[i]))], r.Length, r.Raw.Length));
        }
        return read;
    }

    [Test]
    public void Any_table_written_by_the_rules_reads_back_field_for_field_at_any_buffer_size() =>
        Gen.Select(InterchangeGens.Table, Gen.Int[64, 300], Gen.Bool).Sample((table, bufferSize, crlf) =>
        {
            var rows = table.Where(r => r.Length > 1 || r[0].Length > 0).ToArray();
            var text = string.Concat(rows.Select(r => InterchangeGens.Line(r) + (crlf ? "\r\n" : "\n")));
            // A leading byte-order mark is the file's, not the first field's: a writer puts one before such a field.
            text = text.StartsWith('\uFEFF') || crlf ? "\uFEFF" + text : text;
            var read = ReadAll(InterchangeGens.Utf8(text), bufferSize);
            Assert.That(read.Select(r => r.Error), Is.All.Null);
            Assert.That(read.Select(r => r.Fields), Is.EqualTo(rows));
        }, iter: 500);

    [Test]
    public void Any_bytes_read_without_throwing_on_rising_lines_within_the_size_limit() =>
        Gen.Select(InterchangeGens.HostileBytes, Gen.Int[64, 200]).Sample((bytes, bufferSize) =>
        {
            var read = ReadAll(bytes, bufferSize);
            var lines = read.Select(r => r.Line).ToList();
            Assert.That(lines, Is.Ordered.And.Unique);
            Assert.That(read.All(r => r.Raw <= CsvRecordReader.MaxRecordBytes && r.Length >= r.Raw), Is.True);
            Assert.That(read.All(r => r.Line >= 1 && r.Line <= bytes.Count(b => b == '\n') + 1), Is.True, "a record starts on a line the input has");
        }, iter: 2000);

    [Test]
    public void A_record_after_a_broken_one_is_still_read_when_the_break_ends_its_line() =>
        Gen.Select(InterchangeGens.HostileField, InterchangeGens.Id.Array[2, 4]).Sample((garbage, good) =>
        {
            var text = "a,\"b\"" + garbage.Replace("\n", "").Replace("\r", "") + "x\n" + InterchangeGens.Line(good) + "\n";
            var read = ReadAll(InterchangeGens.Utf8(text), 64);
            Assert.That(read[^1].Fields, Is.EqualTo(good));
        }, iter: 500);
}
