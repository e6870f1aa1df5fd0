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
}
