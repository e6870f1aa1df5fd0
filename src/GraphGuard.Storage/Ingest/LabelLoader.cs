using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>labels.csv</c>: a label history, so every distinct (account, label, source, ts) is kept once.</summary>
internal sealed class LabelLoader : TableLoader<LabelRow>
{
    private static readonly TableTarget LabelsTarget = new(
        "labels",
        "account_id, label, source, ts",
        "account_id integer, label text, source text, ts timestamptz",
        """
        insert into labels (account_id, label, source, ts)
        select distinct account_id, label, source, ts from stage_labels
        on conflict do nothing
        """);

    public override FileSchema Schema => FileSchema.Labels;

    public override TableTarget Target => LabelsTarget;

    public override RowParser<LabelRow> CreateParser(HeaderLayout layout, TimestampRange plausible) => new LabelRowParser(layout, plausible);

    public override void Write(CopyPayload[] lanes, in LabelRow row, IngestContext context)
    {
        var payload = lanes[0];
        payload.StartRow(4);
        payload.WriteInt32(context.Entities.GetOrAdd(EntityKind.Account, row.AccountId));
        payload.WriteText(row.Label);
        payload.WriteText(row.Source);
        payload.WriteTimestamp(row.Ts);
    }
}
