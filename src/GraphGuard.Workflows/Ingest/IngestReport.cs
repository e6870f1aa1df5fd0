using GraphGuard.Storage.Ingest;

namespace GraphGuard.Workflows.Ingest;

/// <summary><c>ingest --json</c>: one ingest run's counts, per file and in total, with its quarantine reasons and errors.</summary>
public sealed record IngestReport(
    int RunId, string Source, bool Succeeded, string? Error, double ElapsedSeconds, long RowsRead, long RowsLoaded, long RowsUnchanged,
    long RowsQuarantined, long NewEntities, IReadOnlyDictionary<string, long> QuarantinedByReason, IReadOnlyList<IngestReport.FileLine> Files)
{
    /// <summary>One input file's counts.</summary>
    public sealed record FileLine(string File, long Read, long Loaded, long Unchanged, IReadOnlyDictionary<string, long> Quarantined, double Seconds, string? Error);

    public static IngestReport Of(IngestSummary summary) => new(
        summary.RunId, summary.Source, summary.Succeeded, summary.Error, Math.Round(summary.Elapsed.TotalSeconds, 3), summary.Read, summary.Loaded,
        summary.Unchanged, summary.Quarantined, summary.NewEntities, summary.QuarantinedByReason(),
        [.. summary.Files.Select(f => new FileLine(Path.GetFileName(f.File), f.Read, f.Loaded, f.Unchanged, f.QuarantinedByReason, Math.Round(f.Elapsed.TotalSeconds, 3), f.Error))]);
}
