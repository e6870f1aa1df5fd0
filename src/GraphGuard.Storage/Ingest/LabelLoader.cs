using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>labels.csv</c>: a label history, so every distinct (account, label, source, ts) is kept once.</summary>
internal sealed class LabelLoader : TableLoader<LabelRow>
{
    public override FileSchema Schema => FileSchema.Labels;

    public override string StageDdl => """
        create temp table if not exists stage_labels (
            account_id integer, label text, source text, ts timestamptz
        ) on commit delete rows
        """;

    public override string CopyCommand => "copy stage_labels from stdin (format binary)";

    public override string MergeSql => """
        insert into labels (account_id, label, source, ts)
        select distinct account_id, label, source, ts from stage_labels
        on conflict do nothing
        """;

    public override RowParser<LabelRow> CreateParser(HeaderLayout layout) => new LabelRowParser(layout);

    public override void Write(NpgsqlBinaryImporter import, in LabelRow row, long line, IngestContext context)
    {
        import.StartRow();
        import.Write(context.Entities.GetOrAdd(EntityKind.Account, row.AccountId), NpgsqlDbType.Integer);
        import.Write(row.Label, NpgsqlDbType.Text);
        import.Write(row.Source, NpgsqlDbType.Text);
        if (row.Ts is { } ts)
        {
            import.Write(ts, NpgsqlDbType.TimestampTz);
        }
        else
        {
            import.WriteNull();
        }
    }
}
