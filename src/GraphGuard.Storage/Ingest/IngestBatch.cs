using GraphGuard.Core.Domain;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// One transaction's worth of a file, handed from the parsing thread to the database writer: encoded
/// rows, the entities and actions they introduce, refused rows, and the counts to add to the file's summary.
/// </summary>
internal sealed class IngestBatch(FileSummary file, TableTarget? target, long fileStartedAt, int lanes = 1)
{
    public FileSummary File { get; } = file;

    /// <summary>Null for a file refused before any row (bad header, unreadable).</summary>
    public TableTarget? Target { get; } = target;

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp when the file was opened.</summary>
    public long FileStartedAt { get; } = fileStartedAt;

    /// <summary>Encoded rows, one payload per lane (see <see cref="BatchWriter"/>).</summary>
    public CopyPayload[] Lanes { get; } = [.. Enumerable.Range(0, lanes).Select(_ => new CopyPayload())];

    public int Rows => Lanes.Sum(l => l.Rows);
    public IReadOnlyList<NewEntity> NewEntities { get; set; } = [];
    public IReadOnlyList<(short Code, string Name)> NewActions { get; set; } = [];
    public List<QuarantinedRow> Quarantined { get; } = [];

    /// <summary>Data rows read for this batch, valid or not.</summary>
    public long Read { get; set; }

    /// <summary>Why the file ended early (bad header, corrupt gzip), or null.</summary>
    public string? FileError { get; set; }
}
