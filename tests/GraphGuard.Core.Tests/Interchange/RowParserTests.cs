using System.Text;
using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange;

/// <summary>Every quarantine reason a row can earn, and the rows that pass.</summary>
public sealed class RowParserTests
{
    private static (bool Ok, TRow Row, RowRejection Rejection) Parse<TRow>(FileSchema schema, Func<HeaderLayout, RowParser<TRow>> create, string header, string line)
    {
        using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + line + "\n")));
        reader.TryRead(out var h);
        var parser = create(schema.Bind(h!, out _)!);
        reader.TryRead(out var record);
        var ok = parser.TryParse(record!, out var row, out var rejection);
        return (ok, row!, rejection);
    }

    private const string EventsHeader = "event_id,ts,actor,action,target_type,target";

    private static (bool Ok, EventRow Row, RowRejection Rejection) Event(string line) =>
        Parse(FileSchema.Events, l => new EventRowParser(l), EventsHeader, line);

    [Test]
    public void A_good_event_parses_with_its_target_kind()
    {
        using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(EventsHeader + "\ne1,2026-11-01T00:00:00Z,alice,custom_action,ip,10.0.0.1\n")));
        reader.TryRead(out var header);
        var parser = new EventRowParser(FileSchema.Events.Bind(header!, out _)!);
        reader.TryRead(out var record);

        Assert.That(parser.TryParse(record!, out var row, out _), Is.True);
        Assert.That(Encoding.UTF8.GetString(row.EventId), Is.EqualTo("e1"));
        Assert.That(Encoding.UTF8.GetString(row.Actor), Is.EqualTo("alice"));
        Assert.That(Encoding.UTF8.GetString(row.Target), Is.EqualTo("10.0.0.1"));
        Assert.That((row.Ts, row.Action, row.TargetKind), Is.EqualTo((new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), "custom_action", EntityKind.Ip)));
    }

    [TestCase("e1,2026-11-01T00:00:00Z,alice,follow,account", QuarantineReason.WrongColumnCount, null)]
    [TestCase("e1,2026-11-01,alice,follow,account,bob", QuarantineReason.BadTimestamp, "ts")]
    [TestCase("e1,2026-11-01T00:00:00Z,alice,Follow,account,bob", QuarantineReason.BadAction, "action")]
    [TestCase("e1,2026-11-01T00:00:00Z,alice,follow,planet,bob", QuarantineReason.BadTargetType, "target_type")]
    [TestCase(",2026-11-01T00:00:00Z,alice,follow,account,bob", QuarantineReason.EmptyField, "event_id")]
    [TestCase("e1,2026-11-01T00:00:00Z,alice,follow,account,\"b\"ob", QuarantineReason.MalformedCsv, null)]
    public void Bad_events_are_refused_with_reason_and_field(string line, string reason, string? field)
    {
        var (ok, _, rejection) = Event(line);
        Assert.That(ok, Is.False);
        Assert.That(rejection.Reason, Is.EqualTo(reason));
        Assert.That(rejection.Field, Is.EqualTo(field));
    }

    [Test]
    public void An_id_over_256_bytes_is_refused()
    {
        var (ok, _, rejection) = Event($"e1,2026-11-01T00:00:00Z,{new string('x', 257)},follow,account,bob");
        Assert.That(ok, Is.False);
        Assert.That(rejection, Is.EqualTo(new RowRejection(QuarantineReason.IdTooLong, "actor", "is 257 bytes, more than 256")));
    }

    [Test]
    public void Invalid_utf8_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(EventsHeader + "\ne1,2026-11-01T00:00:00Z,al").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(",follow,account,bob\n")).ToArray();
        using var reader = new CsvRecordReader(new MemoryStream(bytes));
        reader.TryRead(out var h);
        var parser = new EventRowParser(FileSchema.Events.Bind(h!, out _)!);
        reader.TryRead(out var record);
        Assert.That(parser.TryParse(record!, out _, out var rejection), Is.False);
        Assert.That(rejection.Reason, Is.EqualTo(QuarantineReason.InvalidUtf8));
    }

    [TestCase("c1,spam,1.5,,", QuarantineReason.BadScore, "score")]
    [TestCase("c1,spam,-0.1,,", QuarantineReason.BadScore, "score")]
    [TestCase("c1,spam,high,,", QuarantineReason.BadScore, "score")]
    [TestCase("c1,Spam!,0.5,,", QuarantineReason.BadName, "signal")]
    [TestCase("c1,spam,0.5,m,2026", QuarantineReason.BadTimestamp, "ts")]
    public void Bad_signals_are_refused(string line, string reason, string field)
    {
        var (ok, _, rejection) = Parse(FileSchema.ContentSignals, l => new ContentSignalRowParser(l), "content_id,signal,score,model,ts", line);
        Assert.That(ok, Is.False);
        Assert.That((rejection.Reason, rejection.Field), Is.EqualTo((reason, field)));
    }

    [TestCase("0", 0.0)]
    [TestCase("1", 1.0)]
    [TestCase("0.25", 0.25)]
    [TestCase("2.5e-1", 0.25)]
    public void Scores_in_range_parse(string score, double expected)
    {
        var (ok, row, _) = Parse(FileSchema.ContentSignals, l => new ContentSignalRowParser(l), "content_id,signal,score", "c1,spam," + score);
        Assert.That(ok, Is.True);
        Assert.That(row.Score, Is.EqualTo(expected));
        Assert.That(row.Model, Is.Empty);
    }

    [TestCase("a1,fraud,enforcement", QuarantineReason.BadLabel, "label")]
    [TestCase("a1,abusive,", QuarantineReason.EmptyField, "source")]
    public void Bad_labels_are_refused(string line, string reason, string field)
    {
        var (ok, _, rejection) = Parse(FileSchema.Labels, l => new LabelRowParser(l), "account_id,label,source", line);
        Assert.That(ok, Is.False);
        Assert.That((rejection.Reason, rejection.Field), Is.EqualTo((reason, field)));
    }

    [Test]
    public void Account_features_must_be_numbers_and_may_be_missing()
    {
        const string header = "account_id,created_at,f_followers,f_score";
        var (ok, row, _) = Parse(FileSchema.Accounts, l => new AccountRowParser(l), header, "a1,2026-01-01T00:00:00Z,12,");
        Assert.That(ok, Is.True);
        Assert.That(row.Features, Is.EqualTo(new[] { new KeyValuePair<string, double>("followers", 12) }));
        var (bad, _, rejection) = Parse(FileSchema.Accounts, l => new AccountRowParser(l), header, "a1,2026-01-01T00:00:00Z,many,1");
        Assert.That(bad, Is.False);
        Assert.That((rejection.Reason, rejection.Field), Is.EqualTo((QuarantineReason.BadNumber, "f_followers")));
    }

    [Test]
    public void Overlong_content_text_is_refused()
    {
        var (ok, _, rejection) = Parse(FileSchema.Content, l => new ContentRowParser(l), "content_id,author,created_at,text",
            $"c1,a1,2026-01-01T00:00:00Z,{new string('x', ContentRowParser.MaxTextBytes + 1)}");
        Assert.That(ok, Is.False);
        Assert.That((rejection.Reason, rejection.Field), Is.EqualTo((QuarantineReason.FieldTooLong, "text")));
    }

    [TestCase("9d495b89973be0bf", 0x9d495b89973be0bfUL)]
    [TestCase("FFFFFFFFFFFFFFFF", ulong.MaxValue)]
    [TestCase("", null)]
    public void Media_hashes_are_16_hex_digits_or_absent(string hash, ulong? expected)
    {
        var (ok, row, _) = Parse(FileSchema.Content, l => new ContentRowParser(l), "content_id,author,created_at,text,media_hash", $"c1,a1,2026-01-01T00:00:00Z,hi,{hash}");
        Assert.That(ok, Is.True);
        Assert.That(row.MediaHash, Is.EqualTo(expected));
    }

    [TestCase("9d495b89973be0b")]
    [TestCase("9d495b89973be0bf0")]
    [TestCase("0x495b89973be0bf")]
    [TestCase("9d495b89973be0bg")]
    public void Bad_media_hashes_are_refused(string hash)
    {
        var (ok, _, rejection) = Parse(FileSchema.Content, l => new ContentRowParser(l), "content_id,author,created_at,text,media_hash", $"c1,a1,2026-01-01T00:00:00Z,hi,{hash}");
        Assert.That(ok, Is.False);
        Assert.That((rejection.Reason, rejection.Field), Is.EqualTo((QuarantineReason.BadMediaHash, "media_hash")));
    }

    [Test]
    public void A_content_label_names_the_policy_or_says_ok()
    {
        var (ok, row, _) = Parse(FileSchema.ContentLabels, l => new ContentLabelRowParser(l), "content_id,label,source,ts", "c1,spam,review,2026-01-02T00:00:00Z");
        Assert.That(ok, Is.True);
        Assert.That(row, Is.EqualTo(new ContentLabelRow("c1", "spam", "review", new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc))));
    }

    [TestCase("c1,Spam!,review,", QuarantineReason.BadLabel, "label")]
    [TestCase("c1,spam,,", QuarantineReason.EmptyField, "source")]
    [TestCase("c1,spam,review,yesterday", QuarantineReason.BadTimestamp, "ts")]
    public void Bad_content_labels_are_refused(string line, string reason, string field)
    {
        var (ok, _, rejection) = Parse(FileSchema.ContentLabels, l => new ContentLabelRowParser(l), "content_id,label,source,ts", line);
        Assert.That(ok, Is.False);
        Assert.That((rejection.Reason, rejection.Field), Is.EqualTo((reason, field)));
    }
}
