namespace GraphGuard.Core.Domain;

/// <summary>
/// The kinds of node in the interaction graph. The numeric values are stored in PostgreSQL
/// (<c>entities.kind</c>) and are part of the on-disk contract: never renumber them.
/// Every kind except <see cref="Account"/> can be an event's <c>target_type</c>; accounts can be both.
/// </summary>
public enum EntityKind : byte
{
    Account = 1,
    Content = 2,
    Device = 3,
    Ip = 4,
    Phone = 5,
    Payment = 6,
    Url = 7,
    Hashtag = 8,
}
