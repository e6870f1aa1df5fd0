namespace GraphGuard.Core.Interchange;

/// <summary>
/// The times a row may plausibly carry: not before <see cref="Earliest"/> (a configured floor; year 0001
/// is a broken exporter, not history) and not after <see cref="Latest"/> (the clock at ingest plus a small
/// tolerance for skew). Rows outside are quarantined as <c>implausible_timestamp</c>, so one bad clock
/// upstream can neither break a snapshot nor drag a pipeline window past all real data.
/// </summary>
public sealed record TimestampRange(DateTime Earliest, DateTime Latest)
{
    /// <summary>Every timestamp the format can write; for parsing outside an ingest (tests, tools).</summary>
    public static TimestampRange Unbounded { get; } = new(DateTime.MinValue, DateTime.MaxValue);

    /// <summary>The range an ingest started at <paramref name="now"/> accepts.</summary>
    public static TimestampRange Plausible(DateTime now, DateTime earliest, TimeSpan futureTolerance) =>
        new(earliest, now + futureTolerance);

    public bool Contains(DateTime utc) => utc >= Earliest && utc <= Latest;
}
