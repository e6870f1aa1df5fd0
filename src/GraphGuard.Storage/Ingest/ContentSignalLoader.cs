using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>content_signals.csv</c>; one score per (content, signal, model), the latest row wins.</summary>
internal sealed class ContentSignalLoader : TableLoader<ContentSignalRow>
{
    public override FileSchema Schema => FileSchema.ContentSignals;

    public override string StageDdl => """
        create temp table if not exists stage_content_signals (
            content_id integer, signal text collate "C", model text collate "C", score real, ts timestamptz, line bigint
        ) on commit delete rows
        """;

    public override string CopyCommand => "copy stage_content_signals from stdin (format binary)";

    public override string MergeSql => """
        insert into content_signals as s (content_id, signal, model, score, ts)
        select distinct on (content_id, signal, model) content_id, signal, model, score, ts
        from stage_content_signals order by content_id, signal, model, line desc
        on conflict (content_id, signal, model) do update
            set score = excluded.score, ts = excluded.ts
            where (s.score, s.ts) is distinct from (excluded.score, excluded.ts)
        """;

    public override RowParser<ContentSignalRow> CreateParser(HeaderLayout layout) => new ContentSignalRowParser(layout);

    public override void Write(NpgsqlBinaryImporter import, in ContentSignalRow row, long line, IngestContext context)
    {
        import.StartRow();
        import.Write(context.Entities.GetOrAdd(EntityKind.Content, row.ContentId), NpgsqlDbType.Integer);
        import.Write(row.Signal, NpgsqlDbType.Text);
        import.Write(row.Model, NpgsqlDbType.Text);
        import.Write((float)row.Score, NpgsqlDbType.Real);
        if (row.Ts is { } ts)
        {
            import.Write(ts, NpgsqlDbType.TimestampTz);
        }
        else
        {
            import.WriteNull();
        }
        import.Write(line, NpgsqlDbType.Bigint);
    }
}
