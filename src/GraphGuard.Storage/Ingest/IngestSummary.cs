namespace GraphGuard.Storage.Ingest;

/// <summary>The outcome of one <c>graphguard ingest</c>, as recorded in <c>ingest_runs</c>.</summary>
public sealed class IngestSummary(int runId, string source)
{
    public int RunId { get; } = runId;
    public string Source { get; } = source;
    public List<FileSummary> Files { get; } = [];
    public TimeSpan Elapsed { get; set; }

    /// <summary>Entities first seen in this run.</summary>
    public long NewEntities { get; set; }

    public long Read => Files.Sum(f => f.Read);
    public long Loaded => Files.Sum(f => f.Loaded);
    public long Unchanged => Files.Sum(f => f.Unchanged);
    public long Quarantined => Files.Sum(f => f.Quarantined);

    /// <summary>Why the folder as a whole gave nothing to ingest (no known file, no data rows), or null.</summary>
    public string? Error { get; set; }

    /// <summary>True when there was something to ingest and every file was read to its end (rows may still have been quarantined).</summary>
    public bool Succeeded => Error is null && Files.All(f => f.Error is null);

    public SortedDictionary<string, long> QuarantinedByReason()
    {
        var total = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (reason, count) in Files.SelectMany(f => f.QuarantinedByReason))
        {
            total[reason] = total.GetValueOrDefault(reason) + count;
        }
        return total;
    }
}
