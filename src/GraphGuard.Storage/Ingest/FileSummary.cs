namespace GraphGuard.Storage.Ingest;

/// <summary>What happened to one file of an ingest.</summary>
public sealed class FileSummary(string file)
{
    public string File { get; } = file;

    /// <summary>Data rows read (header excluded).</summary>
    public long Read { get; set; }

    /// <summary>Rows inserted or changed.</summary>
    public long Loaded { get; set; }

    /// <summary>Valid rows already present as they are (a re-ingest, a repeated event_id).</summary>
    public long Unchanged { get; set; }

    public long Quarantined => QuarantinedByReason.Values.Sum();

    public SortedDictionary<string, long> QuarantinedByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>Wall time spent on this file.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Why the file could not be read to its end (bad header, corrupt gzip), or null.</summary>
    public string? Error { get; set; }

    public void CountQuarantined(string reason) =>
        QuarantinedByReason[reason] = QuarantinedByReason.GetValueOrDefault(reason) + 1;
}
