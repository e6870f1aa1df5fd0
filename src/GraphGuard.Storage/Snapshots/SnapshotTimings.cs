namespace GraphGuard.Storage.Snapshots;

/// <summary>Where a snapshot's time went: reading rows from PostgreSQL, and building the CSR.</summary>
public sealed record SnapshotTimings(TimeSpan Read, TimeSpan Build)
{
    public TimeSpan Total => Read + Build;
}
