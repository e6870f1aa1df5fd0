namespace GraphGuard.Storage.Snapshots;

/// <summary>The events a snapshot takes: <c>[From, To)</c>, either end open when null.</summary>
public sealed record SnapshotWindow(DateTime? From = null, DateTime? To = null)
{
    public static SnapshotWindow All { get; } = new();

    /// <summary>Edge times count seconds from here: the window's start, or PostgreSQL's epoch.</summary>
    public DateTime TimeBase => From ?? new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
