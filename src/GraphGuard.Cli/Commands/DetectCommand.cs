using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Workflows.Detection;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard detect</c>: run every detector over a window's snapshot and store the clusters as a new detection run.</summary>
internal static class DetectCommand
{
    public static Command Create()
    {
        var window = new WindowOptions();
        var json = JsonOutput.Option();
        var command = window.On(new Command("detect", "Find coordinated clusters in a window and store them with their evidence") { json });
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var outcome = await StepStatus.RunAsync(!parse.GetValue(json), step => DetectionWorkflow.RunAsync(dataSource, window.Read(parse), step, ct));
            var summary = DetectionSummary.Of(outcome);
            return JsonOutput.Report(parse, json, summary, () =>
            {
                AnsiConsole.MarkupLine($"detection run [bold]{outcome.RunId}[/]: {summary.Clusters:N0} clusters, {summary.FlaggedAccounts:N0} accounts flagged in {summary.TotalSeconds} s");
                AnsiConsole.MarkupLine($"campaigns: {summary.CampaignsContinued:N0} seen in the previous run, {summary.CampaignsNew:N0} new");
                AnsiConsole.MarkupLine(Markup.Escape("clusters per detector: " + string.Join(", ", summary.ByDetector.Select(d => $"{d.Key} {d.Value}"))));
                AnsiConsole.MarkupLine(Markup.Escape($"seconds: load {summary.LoadSeconds}, " + string.Join(", ", summary.Seconds.Select(s => $"{s.Key} {s.Value}"))));
                AnsiConsole.MarkupLine($"[grey]read them with: graphguard clusters list --detection-run {outcome.RunId}[/]");
            });
        });
    }
}
