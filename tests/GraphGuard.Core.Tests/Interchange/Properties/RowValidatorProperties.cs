using System.Text;
using CsCheck;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Core.Tests.Interchange.Properties;

/// <summary>
/// Properties of every row validator (one test per file of <see cref="FileSchema.All"/>): any row either parses or is refused with a known reason and a
/// printable detail, never an exception; valid rows always parse, with their values intact; and what
/// parses meets the rules (ids per <see cref="ExternalIds"/>, times in the plausible range).
/// </summary>
public sealed class RowValidatorProperties
{
    private static readonly HashSet<string> Reasons = [.. typeof(QuarantineReason).GetFields().Select(f => (string)f.GetValue(null)!)];

    private static (bool Ok, TRow? Row, RowRejection Rejection) Parse<TRow>(FileSchema schema, Func<HeaderLayout, RowParser<TRow>> create, string header, string line)
    {
        using var reader = new CsvRecordReader(new MemoryStream(Encoding.UTF8.GetBytes(header + "\n" + line + "\n")));
        reader.TryRead(out var h);
        var parser = create(schema.Bind(h!, out _)!);
        if (!reader.TryRead(out var record))
        {
            return (false, default, new RowRejection(QuarantineReason.EmptyField, null, "blank line"));
        }
        var ok = parser.TryParse(record, out var row, out var rejection);
        return (ok, row, rejection);
    }

    private static void AssertRefusedWell(RowRejection rejection)
    {
        Assert.That(Reasons, Does.Contain(rejection.Reason));
        Assert.That(rejection.Detail, Is.Not.Empty.And.Not.Match("[\u0000-\u001f\u007f-\u009f]"), "details are printable and storable");
    }

    /// <summary>Any row for <paramref name="header"/> (<see cref="InterchangeGens.Row"/>), as a row of <paramref name="schema"/>: refused well, or parsed into a row <paramref name="holds"/> accepts.</summary>
    private static void ParsesOrIsRefusedWell<TRow>(FileSchema schema, Func<HeaderLayout, RowParser<TRow>> create, string header, Action<TRow> holds) =>
        InterchangeGens.Row(header).Sample(fields =>
        {
            var (ok, row, rejection) = Parse(schema, create, header, InterchangeGens.Line(fields));
            if (ok)
            {
                holds(row!);
            }
            else
            {
                AssertRefusedWell(rejection);
            }
        }, iter: 2000);

    [Test]
    public void Events_any_fields_parse_or_are_refused_with_a_reason_and_what_parses_follows_the_rules() =>
        ParsesOrIsRefusedWell(FileSchema.Events, l => new EventRowParser(l, InterchangeGens.Plausible), "event_id,ts,actor,action,target_type,target", row =>
        {
            Assert.That(ExternalIds.Check(row.EventId), Is.EqualTo(IdFault.None));
            Assert.That(ExternalIds.Check(row.Actor), Is.EqualTo(IdFault.None));
            Assert.That(ExternalIds.Check(row.Target), Is.EqualTo(IdFault.None));
            Assert.That(InterchangeGens.Plausible.Contains(row.Ts), Is.True);
        });

    [Test]
    public void Valid_events_always_parse_with_their_values() =>
        Gen.Select(InterchangeGens.Id, InterchangeGens.Timestamp, InterchangeGens.Id, Gen.String[Gen.Char["abc_"], 1, 32], InterchangeGens.Id)
            .Sample((id, ts, actor, action, target) =>
            {
                var (ok, row, rejection) = Parse(FileSchema.Events, l => new EventRowParser(l, InterchangeGens.Plausible), "event_id,ts,actor,action,target_type,target",
                    InterchangeGens.Line([id, IsoTimestamp.Format(ts), actor, action, "device", target]));
                Assert.That(ok, Is.True, rejection.Detail);
                Assert.That((Encoding.UTF8.GetString(row.EventId), row.Ts, Encoding.UTF8.GetString(row.Actor), row.Action, Encoding.UTF8.GetString(row.Target)),
                    Is.EqualTo((id, ts, actor, action, target)));
            }, iter: 1000);

    [Test]
    public void Accounts_any_fields_parse_or_are_refused_with_a_reason() =>
        ParsesOrIsRefusedWell(FileSchema.Accounts, l => new AccountRowParser(l, InterchangeGens.Plausible), "account_id,created_at,country,f_x", row =>
        {
            Assert.That(ExternalIds.Check(row.AccountId.AsSpan()), Is.EqualTo(IdFault.None));
            Assert.That(row.Country is null || !ExternalIds.HasControlCharacter(row.Country.AsSpan()), Is.True);
            Assert.That(row.Features.All(f => double.IsFinite(f.Value)), Is.True);
            Assert.That(InterchangeGens.Plausible.Contains(row.CreatedAt), Is.True);
        });

    [Test]
    public void Content_any_fields_parse_or_are_refused_with_a_reason() =>
        ParsesOrIsRefusedWell(FileSchema.Content, l => new ContentRowParser(l, InterchangeGens.Plausible), "content_id,author,created_at,text,media_hash", row =>
        {
            Assert.That(row.Text is null || !row.Text.Contains('\0'), Is.True);
            Assert.That(ExternalIds.Check(row.ContentId.AsSpan()), Is.EqualTo(IdFault.None));
            Assert.That(ExternalIds.Check(row.Author.AsSpan()), Is.EqualTo(IdFault.None));
            Assert.That(InterchangeGens.Plausible.Contains(row.CreatedAt), Is.True);
        });

    [Test]
    public void Signals_any_fields_parse_or_are_refused_with_a_reason() =>
        ParsesOrIsRefusedWell(FileSchema.ContentSignals, l => new ContentSignalRowParser(l, InterchangeGens.Plausible), "content_id,signal,score,model,ts", row =>
        {
            Assert.That(row.Score, Is.InRange(0.0, 1.0));
            Assert.That(row.Signal, Does.Match("^[a-z0-9_]{1,64}$"));
            Assert.That(row.Ts is null || InterchangeGens.Plausible.Contains(row.Ts.Value), Is.True);
        });

    [Test]
    public void Labels_any_fields_parse_or_are_refused_with_a_reason() =>
        ParsesOrIsRefusedWell(FileSchema.Labels, l => new LabelRowParser(l, InterchangeGens.Plausible), "account_id,label,source,ts", row =>
        {
            Assert.That(row.Label, Is.AnyOf(LabelRowParser.Abusive, LabelRowParser.Benign));
            Assert.That(ExternalIds.Check(row.AccountId.AsSpan()), Is.EqualTo(IdFault.None));
            Assert.That(!ExternalIds.HasControlCharacter(row.Source.AsSpan()), Is.True);
            Assert.That(row.Ts is null || InterchangeGens.Plausible.Contains(row.Ts.Value), Is.True);
        });

    [Test]
    public void Content_labels_any_fields_parse_or_are_refused_with_a_reason() =>
        ParsesOrIsRefusedWell(FileSchema.ContentLabels, l => new ContentLabelRowParser(l, InterchangeGens.Plausible), "content_id,label,source,ts", row =>
        {
            Assert.That(ExternalIds.Check(row.ContentId.AsSpan()), Is.EqualTo(IdFault.None));
            Assert.That(row.Label, Does.Match("^[a-z0-9_]{1,64}$"));
            Assert.That(!ExternalIds.HasControlCharacter(row.Source.AsSpan()), Is.True);
            Assert.That(row.Ts is null || InterchangeGens.Plausible.Contains(row.Ts.Value), Is.True);
        });

    [Test]
    public void Timestamps_round_trip_through_format_and_parse() =>
        Gen.DateTime.Select(d => DateTime.SpecifyKind(d, DateTimeKind.Utc)).Sample(ts =>
            IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(IsoTimestamp.Format(ts)), out var back) && back == ts, iter: 5000);

    [Test]
    public void The_id_rule_is_the_same_for_text_and_for_bytes() =>
        Gen.String[InterchangeGens.HostileChar, 0, 300].Sample(id =>
            ExternalIds.Check(id.AsSpan()) == ExternalIds.Check(Encoding.UTF8.GetBytes(id)), iter: 5000);
}
