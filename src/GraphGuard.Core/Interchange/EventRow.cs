using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Interchange;

/// <summary>
/// A valid row of <c>events.csv</c>. The ids are views of the record's UTF-8 bytes, valid until the
/// reader moves on: events are the bulk of every ingest, and copying the bytes straight through avoids
/// three strings per row.
/// </summary>
public readonly struct EventRow(CsvRecord record, int eventId, int actor, int target, DateTime ts, string action, EntityKind targetKind)
{
    public ReadOnlySpan<byte> EventId => record[eventId];
    public ReadOnlySpan<byte> Actor => record[actor];
    public ReadOnlySpan<byte> Target => record[target];
    public DateTime Ts { get; } = ts;
    public string Action { get; } = action;
    public EntityKind TargetKind { get; } = targetKind;
}
