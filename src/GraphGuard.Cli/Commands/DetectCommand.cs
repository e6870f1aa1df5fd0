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
        var windowOptions = new WindowOptions();
        var json = CommonOptions.Json();
        var command = new Command("detect", "Find coordinated clusters in a window and store them with their evidence") { json };
        windowOptions.On(command);
        CliAction.Set(command, async (parse, ct) =>
        {
            var window = windowOptions.Read(parse);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var outcome = await StepStatus.RunAsync(!parse.GetValue(json), step => DetectionWorkflow.RunAsync(dataSource, window, step, ct));
            var summary = DetectionSummary.Of(outcome);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(summary);
                return 0;
            }
            AnsiConsole.MarkupLine($"detection run [bold]{outcome.RunId}[/]: {summary.Clusters:N0} clusters, {summary.FlaggedAccounts:N0} accounts flagged in {summary.TotalSeconds} s");
            AnsiConsole.MarkupLine($"campaigns: {summary.CampaignsContinued:N0} seen in the previous run, {summary.CampaignsNew:N0} new");
            AnsiConsole.MarkupLine(Markup.Escape("clusters per detector: " + string.Join(", ", summary.ByDetector.Select(d => $"{d.Key} {d.Value}"))));
            AnsiConsole.MarkupLine(Markup.Escape($"seconds: load {summary.LoadSeconds}, " + string.Join(", ", summary.Seconds.Select(s => $"{s.Key} {s.Value}"))));
            AnsiConsole.MarkupLine($"[grey]read them with: graphguard clusters list --detection-run {outcome.RunId}[/]");
            return 0;
        });
        return command;
    }
}
