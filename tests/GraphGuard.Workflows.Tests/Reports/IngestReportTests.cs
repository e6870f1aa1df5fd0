using GraphGuard.Storage.Ingest;
using GraphGuard.Workflows.Ingest;

namespace GraphGuard.Workflows.Tests.Reports;

/// <summary>The ingest report: totals over files, quarantine reasons merged, file names without their folder.</summary>
public sealed class IngestReportTests
{
    [Test]
    public void Sums_the_files_and_merges_their_quarantine_reasons()
    {
        var summary = new IngestSummary(7, "/data/world") { Elapsed = TimeSpan.FromSeconds(2.34567), NewEntities = 12 };
        var accounts = new FileSummary("/data/world/accounts.csv") { Read = 10, Loaded = 9, Elapsed = TimeSpan.FromSeconds(1) };
        accounts.CountQuarantined("bad_timestamp");
        var events = new FileSummary("/data/world/events.csv.gz") { Read = 100, Loaded = 97, Unchanged = 1, Error = "events.csv.gz: truncated" };
        events.CountQuarantined("bad_timestamp");
        events.CountQuarantined("unknown_action");
        summary.Files.AddRange([accounts, events]);

        var report = IngestReport.Of(summary);

        Assert.Multiple(() =>
        {
            Assert.That((report.RunId, report.RowsRead, report.RowsLoaded, report.RowsUnchanged, report.RowsQuarantined), Is.EqualTo((7, 110L, 106L, 1L, 3L)));
            Assert.That(report.QuarantinedByReason, Is.EqualTo(new Dictionary<string, long> { ["bad_timestamp"] = 2, ["unknown_action"] = 1 }));
            Assert.That(report.Files.Select(f => f.File), Is.EqualTo(new[] { "accounts.csv", "events.csv.gz" }));
            Assert.That(report.Succeeded, Is.False, "a file's error fails the ingest");
            Assert.That(report.ElapsedSeconds, Is.EqualTo(2.346));
        });
    }
}
