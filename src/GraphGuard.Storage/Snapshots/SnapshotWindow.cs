namespace GraphGuard.Storage.Snapshots;

/// <summary>The events a snapshot takes: <c>[From, To)</c>, either end open when null.</summary>
public sealed record SnapshotWindow(DateTime? From = null, DateTime? To = null)
{
    public static SnapshotWindow All { get; } = new();

    /// <summary>
    /// Edge times count whole seconds from here: the window's start cut to its second, or PostgreSQL's epoch. Cut,
    /// so a start with a fraction (a pipeline run's window ends a microsecond past its newest event) does not
    /// carry that fraction into every time read back.
    /// </summary>
    public DateTime TimeBase => From is { } from
        ? from.AddTicks(-(from.Ticks % TimeSpan.TicksPerSecond))
        : new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}
