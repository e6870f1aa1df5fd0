using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Interchange;

/// <summary>A valid row of <c>events.csv</c>.</summary>
public readonly record struct EventRow(string EventId, DateTime Ts, string Actor, string Action, EntityKind TargetKind, string Target);
