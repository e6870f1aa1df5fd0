using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Storage.Snapshots;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard detect</c>: run every detector over a window's snapshot and store the clusters as a new detection run.</summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var windowOptions = new WindowOptions();
        var json = CommonOptions.Json();
        var command = new Command("detect", "Find coordinated clusters in a window and store them with their evidence") { json };
        windowOptions.On(command);
        CliAction.Set(command, async (parse, ct) =>
        {
            var window = windowOptions.Read(parse);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var outcome = await DetectionStatus.RunAsync(dataSource, window, !parse.GetValue(json), ct);
            var clusters = outcome.Report.Clusters;
            var summary = new
            {
                detection_run_id = outcome.RunId,
                clusters = clusters.Count,
                campaigns_continued = outcome.Stored.ContinuedCampaigns,
                campaigns_new = outcome.Stored.NewCampaigns,
                flagged_accounts = clusters.SelectMany(c => c.Members).Distinct().Count(),
                by_detector = clusters.SelectMany(c => c.Detectors).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count()),
                seconds = outcome.Report.Timings.ToDictionary(t => t.Step, t => Math.Round(t.Elapsed.TotalSeconds, 2)),
                load_seconds = Math.Round(outcome.LoadTime.TotalSeconds, 2),
                total_seconds = Math.Round(outcome.TotalTime.TotalSeconds, 2),
            };
            if (parse.GetValue(json))
            {
                JsonOutput.Write(summary);
                return 0;
            }
            AnsiConsole.MarkupLine($"detection run [bold]{outcome.RunId}[/]: {summary.clusters:N0} clusters, {summary.flagged_accounts:N0} accounts flagged in {summary.total_seconds} s");
            AnsiConsole.MarkupLine($"campaigns: {summary.campaigns_continued:N0} seen in the previous run, {summary.campaigns_new:N0} new");
            AnsiConsole.MarkupLine(Markup.Escape("clusters per detector: " + string.Join(", ", summary.by_detector.Select(d => $"{d.Key} {d.Value}"))));
            AnsiConsole.MarkupLine(Markup.Escape($"seconds: load {summary.load_seconds}, " + string.Join(", ", summary.seconds.Select(s => $"{s.Key} {s.Value}"))));
            AnsiConsole.MarkupLine($"[grey]read them with: graphguard clusters list --detection-run {outcome.RunId}[/]");
            return 0;
        });
        return command;
    }
}
