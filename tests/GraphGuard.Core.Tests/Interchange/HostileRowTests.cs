using System.Text;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange;

/// <summary>Rows a hostile or broken exporter writes: each earns one quarantine reason naming its field, never an exception.</summary>
public sealed class HostileRowTests
{
    private const string EventsHeader = "event_id,ts,actor,action,target_type,target";
    private static readonly DateTime Now = new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimestampRange Plausible = TimestampRange.Plausible(Now, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(1));

    private static RowRejection? Rejection<TRow>(FileSchema schema, Func<HeaderLayout, RowParser<TRow>> create, string header, byte[] line)
    {
        using var reader = new CsvRecordReader(new MemoryStream([.. Encoding.UTF8.GetBytes(header + "\n"), .. line, (byte)'\n']));
        reader.TryRead(out var h);
        var parser = create(schema.Bind(h!, out _)!);
        reader.TryRead(out var record);
        return parser.TryParse(record!, out _, out var rejection) ? null : rejection;
    }

    private static RowRejection? Event(string line) =>
        Rejection(FileSchema.Events, l => new EventRowParser(l, Plausible), EventsHeader, Encoding.UTF8.GetBytes(line));

    [TestCase("e1,2026-11-01T00:00:00Z,al\0ice,follow,account,bob", "actor")]
    [TestCase("e1\0,2026-11-01T00:00:00Z,alice,follow,account,bob", "event_id")]
    [TestCase("e1,2026-11-01T00:00:00Z\0,alice,follow,account,bob", "ts")]
    [TestCase("e1,2026-11-01T00:00:00Z,alice,follow,account,\"b\0b\"", "target")]
    public void A_nul_byte_in_any_field_is_nul_byte_naming_the_field(string line, string field)
    {
        Assert.That(Event(line), Is.EqualTo(new RowRejection(QuarantineReason.NulByte, field, Event(line)!.Value.Detail)));
        Assert.That(Event(line)!.Value.Detail, Does.Not.Contain("\0"));
    }

    [TestCase("\u0001")]
    [TestCase("\u001b[31m")]
    [TestCase("\u007f")]
    [TestCase("\u0085")]
    [TestCase("\"a\nb\"")]
    public void A_control_character_in_an_id_is_refused(string id)
    {
        var rejection = Event($"e1,2026-11-01T00:00:00Z,alice,follow,account,{(id.StartsWith('"') ? id : "x" + id)}");
        Assert.That(rejection?.Reason, Is.EqualTo(QuarantineReason.ControlCharacter));
        Assert.That(rejection?.Field, Is.EqualTo("target"));
        Assert.That(rejection?.Detail, Does.Not.Match("[\u0000-\u001f\u007f-\u009f]"), "the detail escapes what it quotes");
    }

    [Test]
    public void A_post_may_hold_tabs_and_newlines_but_a_country_may_not()
    {
        var post = Rejection(FileSchema.Content, l => new ContentRowParser(l, Plausible), "content_id,author,created_at,text",
            Encoding.UTF8.GetBytes("c1,alice,2026-11-01T00:00:00Z,\"line one\n\tline two\""));
        var country = Rejection(FileSchema.Accounts, l => new AccountRowParser(l, Plausible), "account_id,created_at,country",
            Encoding.UTF8.GetBytes("a,2026-11-01T00:00:00Z,U\u001bS"));
        Assert.That(post, Is.Null);
        Assert.That(country?.Reason, Is.EqualTo(QuarantineReason.ControlCharacter));
    }

    [TestCase("9999-12-31T23:59:59Z")]
    [TestCase("0001-01-01T00:00:00Z")]
    [TestCase("1999-12-31T23:59:59Z")]
    [TestCase("2026-12-06T12:00:01Z")]
    public void A_timestamp_outside_the_plausible_range_is_implausible(string ts)
    {
        var rejection = Event($"e1,{ts},alice,follow,account,bob");
        Assert.That((rejection?.Reason, rejection?.Field), Is.EqualTo((QuarantineReason.ImplausibleTimestamp, "ts")));
        Assert.That(rejection?.Detail, Does.Contain("2000-01-01T00:00:00Z to 2026-12-06T12:00:00Z"));
    }

    [TestCase("2000-01-01T00:00:00Z")]
    [TestCase("2026-12-06T12:00:00Z")]
    public void The_ends_of_the_plausible_range_are_accepted(string ts) =>
        Assert.That(Event($"e1,{ts},alice,follow,account,bob"), Is.Null);

    [Test]
    public void Labels_and_signals_check_their_optional_timestamps_too()
    {
        var label = Rejection(FileSchema.Labels, l => new LabelRowParser(l, Plausible), "account_id,label,source,ts",
            Encoding.UTF8.GetBytes("a,abusive,review,9999-01-01T00:00:00Z"));
        var signal = Rejection(FileSchema.ContentSignals, l => new ContentSignalRowParser(l, Plausible), "content_id,signal,score,model,ts",
            Encoding.UTF8.GetBytes("c,spam,0.5,m,0001-01-01T00:00:00Z"));
        Assert.That((label?.Reason, signal?.Reason), Is.EqualTo((QuarantineReason.ImplausibleTimestamp, QuarantineReason.ImplausibleTimestamp)));
    }

    [Test]
    public void A_ten_megabyte_field_is_field_too_long_naming_its_column()
    {
        var line = "e1,2026-11-01T00:00:00Z,alice,follow,account," + new string('x', 10 << 20);
        var rejection = Event(line);
        Assert.That((rejection?.Reason, rejection?.Field), Is.EqualTo((QuarantineReason.FieldTooLong, "target")));
    }

    [Test]
    public void Ids_are_checked_by_the_same_rules_as_text_and_as_bytes(
        [Values("a", "", "x\u0001", "\u00e9t\u00e9", "tab\there", "\u0090")] string id)
    {
        Assert.That(ExternalIds.Check(Encoding.UTF8.GetBytes(id)), Is.EqualTo(ExternalIds.Check(id.AsSpan())));
    }
}
