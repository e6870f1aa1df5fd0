using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>content.csv</c>; a later row for the same content replaces what it says.</summary>
internal sealed class ContentLoader : TableLoader<ContentRow>
{
    private static readonly TableTarget ContentTarget = new(
        "content",
        "content_id, author_id, created_at, text, media_hash",
        "content_id integer, author_id integer, created_at timestamptz, text text, media_hash bigint",
        """
        insert into content as c (content_id, author_id, created_at, text, media_hash)
        select distinct on (content_id) content_id, author_id, created_at, text, media_hash
        from stage_content order by content_id, seq desc
        on conflict (content_id) do update
            set author_id = excluded.author_id, created_at = excluded.created_at, text = excluded.text, media_hash = excluded.media_hash
            where (c.author_id, c.created_at, c.text, c.media_hash) is distinct from (excluded.author_id, excluded.created_at, excluded.text, excluded.media_hash)
        """);

    public override FileSchema Schema => FileSchema.Content;

    public override TableTarget Target => ContentTarget;

    public override RowParser<ContentRow> CreateParser(HeaderLayout layout, TimestampRange plausible) => new ContentRowParser(layout, plausible);

    public override void Write(CopyPayload[] lanes, in ContentRow row, IngestContext context)
    {
        var payload = lanes[0];
        payload.StartRow(5);
        payload.WriteInt32(context.Entities.GetOrAdd(EntityKind.Content, row.ContentId));
        payload.WriteInt32(context.Entities.GetOrAdd(EntityKind.Account, row.Author));
        payload.WriteTimestamp(row.CreatedAt);
        payload.WriteText(row.Text);
        if (row.MediaHash is { } media)
        {
            payload.WriteInt64(unchecked((long)media));
        }
        else
        {
            payload.WriteNull();
        }
    }
}
