using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>content.csv</c>; a later row for the same content replaces what it says.</summary>
internal sealed class ContentLoader : TableLoader<ContentRow>
{
    public override FileSchema Schema => FileSchema.Content;

    public override string StageDdl => """
        create temp table if not exists stage_content (
            content_id integer, author_id integer, created_at timestamptz, text text, line bigint
        ) on commit delete rows
        """;

    public override string CopyCommand => "copy stage_content from stdin (format binary)";

    public override string MergeSql => """
        insert into content as c (content_id, author_id, created_at, text)
        select distinct on (content_id) content_id, author_id, created_at, text
        from stage_content order by content_id, line desc
        on conflict (content_id) do update
            set author_id = excluded.author_id, created_at = excluded.created_at, text = excluded.text
            where (c.author_id, c.created_at, c.text) is distinct from (excluded.author_id, excluded.created_at, excluded.text)
        """;

    public override RowParser<ContentRow> CreateParser(HeaderLayout layout) => new ContentRowParser(layout);

    public override void Write(NpgsqlBinaryImporter import, in ContentRow row, long line, IngestContext context)
    {
        import.StartRow();
        import.Write(context.Entities.GetOrAdd(EntityKind.Content, row.ContentId), NpgsqlDbType.Integer);
        import.Write(context.Entities.GetOrAdd(EntityKind.Account, row.Author), NpgsqlDbType.Integer);
        import.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
        if (row.Text is null)
        {
            import.WriteNull();
        }
        else
        {
            import.Write(row.Text, NpgsqlDbType.Text);
        }
        import.Write(line, NpgsqlDbType.Bigint);
    }
}
