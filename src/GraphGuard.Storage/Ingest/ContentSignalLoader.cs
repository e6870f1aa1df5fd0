using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>content_signals.csv</c>; one score per (content, signal, model), the latest row wins.</summary>
internal sealed class ContentSignalLoader : TableLoader<ContentSignalRow>
{
    private static readonly TableTarget SignalsTarget = new(
        "content_signals",
        "content_id, signal, model, score, ts",
        """content_id integer, signal text collate "C", model text collate "C", score real, ts timestamptz""",
        """
        insert into content_signals as s (content_id, signal, model, score, ts)
        select distinct on (content_id, signal, model) content_id, signal, model, score, ts
        from stage_content_signals order by content_id, signal, model, seq desc
        on conflict (content_id, signal, model) do update
            set score = excluded.score, ts = excluded.ts
            where (s.score, s.ts) is distinct from (excluded.score, excluded.ts)
        """);

    public override FileSchema Schema => FileSchema.ContentSignals;

    public override TableTarget Target => SignalsTarget;

    public override RowParser<ContentSignalRow> CreateParser(HeaderLayout layout, TimestampRange plausible) => new ContentSignalRowParser(layout, plausible);

    public override void Write(CopyPayload[] lanes, in ContentSignalRow row, IngestContext context)
    {
        var payload = lanes[0];
        payload.StartRow(5);
        payload.WriteInt32(context.Entities.GetOrAdd(EntityKind.Content, row.ContentId));
        payload.WriteText(row.Signal);
        payload.WriteText(row.Model);
        payload.WriteFloat4((float)row.Score);
        payload.WriteTimestamp(row.Ts);
    }
}
