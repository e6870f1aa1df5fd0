using GraphGuard.Storage.Ingest;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary>How an ingest summary is shown: a table per file, quarantine counts per reason, file errors.</summary>
internal static class IngestTable
{
    public static void Print(IngestSummary summary)
    {
        var table = new Table().Title($"ingest run {summary.RunId}: {Markup.Escape(summary.Source)}")
            .AddColumn("file").AddColumn("read", c => c.RightAligned()).AddColumn("loaded", c => c.RightAligned())
            .AddColumn("unchanged", c => c.RightAligned()).AddColumn("quarantined", c => c.RightAligned()).AddColumn("seconds", c => c.RightAligned());
        foreach (var f in summary.Files)
        {
            table.AddRow(Path.GetFileName(f.File), $"{f.Read:N0}", $"{f.Loaded:N0}", $"{f.Unchanged:N0}", f.Quarantined == 0 ? "0" : $"[yellow]{f.Quarantined:N0}[/]", $"{f.Elapsed.TotalSeconds:F1}");
        }
        table.AddRow("[bold]total[/]", $"[bold]{summary.Read:N0}[/]", $"[bold]{summary.Loaded:N0}[/]", $"[bold]{summary.Unchanged:N0}[/]", $"[bold]{summary.Quarantined:N0}[/]", $"[bold]{summary.Elapsed.TotalSeconds:F1}[/]");
        AnsiConsole.Write(table);
        var reasons = summary.QuarantinedByReason();
        if (reasons.Count > 0)
        {
            AnsiConsole.MarkupLine("quarantined by reason: " + string.Join(", ", reasons.Select(r => $"[yellow]{r.Key}[/] {r.Value:N0}")));
            AnsiConsole.MarkupLine($"[grey]see them with: graphguard quarantine list --ingest-run {summary.RunId}[/]");
        }
        if (summary.Error is not null)
        {
            AnsiConsole.MarkupLine($"[red]error[/] {Markup.Escape(summary.Error)}");
        }
        foreach (var f in summary.Files.Where(f => f.Error is not null))
        {
            AnsiConsole.MarkupLine($"[red]error[/] {Markup.Escape(f.Error!)}");
        }
        var rate = summary.Elapsed.TotalSeconds > 0 ? summary.Read / summary.Elapsed.TotalSeconds : 0;
        AnsiConsole.MarkupLine($"{summary.NewEntities:N0} new entities; {summary.Elapsed.TotalSeconds:F1} s ({rate:N0} rows/s)");
    }
}
