namespace GraphGuard.Storage.Ingest;

/// <summary>How an ingest runs.</summary>
public sealed record IngestOptions
{
    /// <summary>
    /// Rows per transaction. Each batch commits its rows, the entities they introduce and its quarantine
    /// together, so a killed ingest leaves whole batches behind and a re-run completes the rest.
    /// </summary>
    public int BatchRows { get; init; } = 500_000;

    /// <summary>
    /// Connections that copy events in parallel. One server backend copying into a table with a primary
    /// key is the bottleneck of an ingest; two use the second core (1.4x measured here).
    /// </summary>
    public int Lanes { get; init; } = 2;

    /// <summary>The floor of plausible timestamps: rows dated earlier are quarantined as <c>implausible_timestamp</c>.</summary>
    public DateTime EarliestTimestamp { get; init; } = DefaultEarliestTimestamp;

    /// <summary>How far past the clock at ingest a timestamp may lie (clock skew between systems) before it is implausible.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The clock the plausible range is measured from.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>2000-01-01: older than any account on the platform, newer than the zero dates broken exporters write.</summary>
    public static readonly DateTime DefaultEarliestTimestamp = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of its range.</summary>
    public void Validate()
    {
        if (BatchRows < 1 || Lanes is < 1 or > 16)
        {
            throw new ArgumentException("--batch-rows must be at least 1, --lanes between 1 and 16");
        }
    }
}
