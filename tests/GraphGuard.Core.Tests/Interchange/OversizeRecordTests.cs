using System.Text;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange;

/// <summary>Records over the 1 MiB limit: one record each, however many lines they span, with their first 1 MiB kept.</summary>
public sealed class OversizeRecordTests
{
    private static List<(long Line, string? Error, int Field, long Length, int Raw, bool Cut, string First)> ReadAll(string text)
    {
        using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var records = new List<(long, string?, int, long, int, bool, string)>();
        while (reader.TryRead(out var r))
        {
            records.Add((r.Line, r.SyntaxError, r.OversizeField, r.Length, r.Raw.Length, r.RawCut,
                r.SyntaxError is null ? Encoding.UTF8.GetString(r[0]) : ""));
        }
        return records;
    }

    [Test]
    public void A_runaway_quoted_field_over_many_lines_is_one_record_and_reading_goes_on_after_it()
    {
        var lines = string.Concat(Enumerable.Repeat(new string('y', 99) + "\n", 30_000)); // 3 MB, 30,000 lines
        var text = "id,text\nbefore,1\nbig,\"" + lines + "\"\nafter,2\n";

        var records = ReadAll(text);

        Assert.That(records.Select(r => r.First), Is.EqualTo(new[] { "id", "before", "", "after" }));
        var big = records[2];
        Assert.That(big.Line, Is.EqualTo(3));
        Assert.That((big.Field, big.Cut, big.Raw), Is.EqualTo((1, true, CsvRecordReader.MaxRecordBytes)));
        Assert.That(big.Length, Is.EqualTo(Encoding.UTF8.GetByteCount("big,\"" + lines + "\"")));
        Assert.That(big.Error, Does.Contain("lines 3-30003"));
        Assert.That(records[3].Line, Is.EqualTo(30_004), "line numbers after the big record stay true");
    }

    [Test]
    public void A_long_plain_line_is_one_record_naming_the_field_that_ran_past_the_limit()
    {
        var records = ReadAll("a,b,c\n1," + new string('z', 2 << 20) + ",3\nok,1,2\n");

        Assert.That((records[1].Field, records[1].Length, records[1].Cut), Is.EqualTo((1, (2 << 20) + 4, true)));
        Assert.That((records[2].First, records[2].Line), Is.EqualTo(("ok", 3)));
    }

    [Test]
    public void A_quote_that_never_closes_past_the_limit_is_one_malformed_record_to_the_end()
    {
        var records = ReadAll("a,b\n1,\"" + string.Concat(Enumerable.Repeat("row,2\n", 400_000)));

        Assert.That(records, Has.Count.EqualTo(2));
        Assert.That(records[1].Field, Is.EqualTo(-1), "malformed, not too long");
        Assert.That(records[1].Error, Does.Contain("never closes"));
    }

    [Test]
    public void A_record_under_the_limit_keeps_all_its_bytes()
    {
        var records = ReadAll("a,b\n1,\"" + new string('q', 500_000) + "\"\n");
        Assert.That((records[1].Error, records[1].Cut, records[1].Length), Is.EqualTo(((string?)null, false, 500_004L)));
    }
}
