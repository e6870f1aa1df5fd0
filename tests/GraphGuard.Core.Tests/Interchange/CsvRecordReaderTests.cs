using System.Text;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange;

public sealed class CsvRecordReaderTests
{
    private static List<(long Line, string[]? Fields, string Raw, string? Error)> ReadAll(string text, int bufferSize = 64)
    {
        using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), bufferSize);
        var records = new List<(long, string[]?, string, string?)>();
        while (reader.TryRead(out var r))
        {
            var fields = r.SyntaxError is null ? Enumerable.Range(0, r.FieldCount).Select(i => Encoding.UTF8.GetString(r[i])).ToArray() : null;
            records.Add((r.Line, fields, Encoding.UTF8.GetString(r.Raw), r.SyntaxError));
        }
        return records;
    }

    [Test]
    public void Plain_records_split_on_commas_with_line_numbers()
    {
        var records = ReadAll("a,b,c\n1,,3\n");
        Assert.That(records, Has.Count.EqualTo(2));
        Assert.That(records[0].Fields, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(records[1].Fields, Is.EqualTo(new[] { "1", "", "3" }));
        Assert.That(records[1].Line, Is.EqualTo(2));
    }

    [Test]
    public void Quoted_fields_keep_commas_quotes_and_newlines()
    {
        var records = ReadAll("id,text\n1,\"hello, \"\"world\"\"\nsecond line\"\n2,x\n");
        Assert.That(records[1].Fields, Is.EqualTo(new[] { "1", "hello, \"world\"\nsecond line" }));
        Assert.That(records[2].Line, Is.EqualTo(4), "a record after a two-line record starts on line 4");
        Assert.That(records[2].Fields, Is.EqualTo(new[] { "2", "x" }));
    }

    [Test]
    public void Crlf_bom_blank_lines_and_missing_final_newline_are_handled()
    {
        var records = ReadAll("\uFEFFa,b\r\n\r\n1,2\r\n\"3\",\"4\"\r\n5,6");
        Assert.That(records.Select(r => string.Join("|", r.Fields!)), Is.EqualTo(new[] { "a|b", "1|2", "3|4", "5|6" }));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new long[] { 1, 3, 4, 5 }));
    }

    [Test]
    public void Empty_quoted_field_and_trailing_empty_field_are_fields()
    {
        var records = ReadAll("\"\",a,\n");
        Assert.That(records[0].Fields, Is.EqualTo(new[] { "", "a", "" }));
    }

    [TestCase("a,\"b\"x,c\n", "unexpected character after closing quote")]
    [TestCase("a,b\"c,d\n", "quote inside an unquoted field")]
    public void Malformed_quoting_is_reported_and_reading_resumes_on_the_next_line(string bad, string error)
    {
        var records = ReadAll(bad + "ok,1\n");
        Assert.That(records[0].Error, Is.EqualTo(error));
        Assert.That(records[0].Raw, Is.EqualTo(bad.TrimEnd('\n')));
        Assert.That(records[1].Fields, Is.EqualTo(new[] { "ok", "1" }));
        Assert.That(records[1].Line, Is.EqualTo(2));
    }

    [Test]
    public void Unterminated_quote_at_end_of_input_loses_only_its_own_line()
    {
        var records = ReadAll("a,\"never closed\nb,2\nc,3\n");
        Assert.That(records[0].Error, Does.Contain("unterminated"));
        Assert.That(records.Skip(1).Select(r => r.Fields![0]), Is.EqualTo(new[] { "b", "c" }));
    }

    [Test]
    public void Random_tables_round_trip_through_any_buffer_size([Values(64, 97, 4096)] int bufferSize)
    {
        var random = new Random(42);
        const string alphabet = "ab ,\"\n\r\u00e9\u4e2d";
        var rows = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, random.Next(1, 6))
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .ToArray()).Where(r => r.Length > 1 || r[0].Length > 0).ToList();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 || f.Length == 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f))).Append("\r\n");
        }
        var read = ReadAll(text.ToString(), bufferSize);
        Assert.That(read.Select(r => r.Error), Is.All.Null);
        Assert.That(read.Select(r => r.Fields), Is.EqualTo(rows));
    }
}
