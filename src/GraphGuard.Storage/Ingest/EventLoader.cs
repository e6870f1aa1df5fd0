using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>events.csv</c>; an event_id already stored is skipped (events are immutable, the first wins).</summary>
internal sealed class EventLoader : TableLoader<EventRow>
{
    private static readonly TableTarget EventsTarget = new(
        "events",
        "ts, actor_id, target_id, action, event_id",
        """event_id text collate "C", ts timestamptz, actor_id integer, target_id integer, action smallint""",
        // Sorting by the key walks the b-tree in order; seq makes the earliest row of an id win.
        """
        insert into events (ts, actor_id, target_id, action, event_id)
        select ts, actor_id, target_id, action, event_id from stage_events order by event_id, seq
        on conflict (event_id) do nothing
        """);

    // Exports are usually grouped by actor, so consecutive rows tend to share it: remember the last one.
    private byte[] _lastActor = [];
    private int _lastActorId = -1;

    public override FileSchema Schema => FileSchema.Events;

    public override TableTarget Target => EventsTarget;

    public override RowParser<EventRow> CreateParser(HeaderLayout layout, TimestampRange plausible) => new EventRowParser(layout, plausible);

    public override int MaxLanes => int.MaxValue;

    public override void Write(CopyPayload[] lanes, in EventRow row, IngestContext context)
    {
        // The lane follows the event_id, so every copy of an id meets the others in file order.
        // The action first: it is the one lookup that can refuse (the catalog is full), and a refusal must
        // come before the row is half written.
        var action = context.Actions.Code(row.Action);
        var payload = lanes[lanes.Length == 1 ? 0 : (int)(Fnv1a(row.EventId) % (uint)lanes.Length)];
        payload.StartRow(5);
        payload.WriteTimestamp(row.Ts);
        payload.WriteInt32(ActorId(row.Actor, context));
        payload.WriteInt32(context.Entities.GetOrAdd(row.TargetKind, row.Target));
        payload.WriteInt16(action);
        payload.WriteBytes(row.EventId);
    }

    private static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }

    private int ActorId(ReadOnlySpan<byte> actor, IngestContext context)
    {
        if (!actor.SequenceEqual(_lastActor))
        {
            _lastActor = actor.ToArray();
            _lastActorId = context.Entities.GetOrAdd(EntityKind.Account, actor);
        }
        return _lastActorId;
    }
}
