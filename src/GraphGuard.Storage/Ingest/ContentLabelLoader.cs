using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>content_labels.csv</c>: a verdict history, so every distinct (content, label, source, ts) is kept once.</summary>
internal sealed class ContentLabelLoader : TableLoader<ContentLabelRow>
{
    private static readonly TableTarget ContentLabelsTarget = new(
        "content_labels",
        "content_id, label, source, ts",
        "content_id integer, label text, source text, ts timestamptz",
        """
        insert into content_labels (content_id, label, source, ts)
        select distinct content_id, label, source, ts from stage_content_labels
        on conflict do nothing
        """);

    public override FileSchema Schema => FileSchema.ContentLabels;

    public override TableTarget Target => ContentLabelsTarget;

    public override RowParser<ContentLabelRow> CreateParser(HeaderLayout layout, TimestampRange plausible) => new ContentLabelRowParser(layout, plausible);

    public override void Write(CopyPayload[] lanes, in ContentLabelRow row, IngestContext context)
    {
        var payload = lanes[0];
        payload.StartRow(4);
        payload.WriteInt32(context.Entities.GetOrAdd(EntityKind.Content, row.ContentId));
        payload.WriteText(row.Label);
        payload.WriteText(row.Source);
        payload.WriteTimestamp(row.Ts);
    }
}
