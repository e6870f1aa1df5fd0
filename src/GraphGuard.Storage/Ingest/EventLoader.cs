using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>events.csv</c>; an event_id already stored is skipped (events are immutable).</summary>
internal sealed class EventLoader : TableLoader<EventRow>
{
    public override FileSchema Schema => FileSchema.Events;

    public override string StageDdl => """
        create temp table if not exists stage_events (
            event_id text collate "C", ts timestamptz, actor_id integer, action smallint, target_id integer
        ) on commit delete rows
        """;

    public override string CopyCommand => "copy stage_events from stdin (format binary)";

    // Sorting by the key turns random b-tree probes into a sequential walk of the index.
    public override string MergeSql => """
        insert into events (event_id, ts, actor_id, action, target_id)
        select event_id, ts, actor_id, action, target_id from stage_events order by event_id
        on conflict (event_id) do nothing
        """;

    public override RowParser<EventRow> CreateParser(HeaderLayout layout) => new EventRowParser(layout);

    public override void Write(NpgsqlBinaryImporter import, in EventRow row, long line, IngestContext context)
    {
        import.StartRow();
        import.Write(row.EventId, NpgsqlDbType.Text);
        import.Write(row.Ts, NpgsqlDbType.TimestampTz);
        import.Write(context.Entities.GetOrAdd(EntityKind.Account, row.Actor), NpgsqlDbType.Integer);
        import.Write(context.Actions.Code(row.Action), NpgsqlDbType.Smallint);
        import.Write(context.Entities.GetOrAdd(row.TargetKind, row.Target), NpgsqlDbType.Integer);
    }
}
