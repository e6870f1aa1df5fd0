using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Cli.Options;
using GraphGuard.Core.Synthetic;
using GraphGuard.Core.Synthetic.Scenarios;
using GraphGuard.Workflows.Evaluation;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard generate</c>: a synthetic world in format v1 plus its ground truth.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var defaults = new WorldOptions();
        var accounts = new Option<int>("--accounts") { Description = "Number of accounts, abusive ones included", DefaultValueFactory = _ => defaults.Accounts };
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same options always write the same bytes", DefaultValueFactory = _ => defaults.Seed };
        var output = OutOption.Folder("Folder to write (created if missing; files in it are replaced)", required: true);
        var abusiveRate = new Option<double>("--abusive-label-rate") { Description = "Fraction of abusive accounts labeled abusive", DefaultValueFactory = _ => defaults.AbusiveLabelRate };
        var benignRate = new Option<double>("--benign-label-rate") { Description = "Fraction of legitimate accounts labeled benign", DefaultValueFactory = _ => defaults.BenignLabelRate };
        var badRows = new Option<int>("--bad-rows") { Description = "Malformed rows to inject, to see quarantine at work", DefaultValueFactory = _ => 0 };
        var gzip = new Option<bool>("--gzip") { Description = "Write .csv.gz files" };
        var scenario = new Option<string?>("--scenario") { Description = "Plant scenario-library families instead of the classic patterns: all, abuse, organic or names, comma-separated" };
        var difficulty = new Option<ScenarioDifficulty>("--difficulty") { Description = "How hard scenario campaigns hide: Default or Hard", DefaultValueFactory = _ => ScenarioDifficulty.Default };
        var shift = new Option<double>("--profile-shift") { Description = "Population shift: profiles' bio length and display-name digits times this (1: none)", DefaultValueFactory = _ => 1 };
        var labelDelay = DurationOption.Optional("--label-delay", "Label delay: every label arrives this much later; none by default");
        var json = JsonOutput.Option();
        var command = new Command("generate", "Write a realistic synthetic world (format v1) with planted campaigns, plus truth.csv and lookalikes.csv")
        {
            accounts, seed, output, abusiveRate, benignRate, badRows, gzip, scenario, difficulty, shift, labelDelay, json,
        };
        return CliAction.Set(command, async (parse, ct) =>
        {
            var options = new WorldOptions
            {
                Accounts = parse.GetValue(accounts),
                Seed = parse.GetValue(seed),
                AbusiveLabelRate = parse.GetValue(abusiveRate),
                BenignLabelRate = parse.GetValue(benignRate),
                BadRows = parse.GetValue(badRows),
                Scenarios = parse.GetValue(scenario) is { } spec ? ScenarioLibrary.Select(spec) : [],
                Difficulty = parse.GetValue(difficulty),
                ProfileShift = parse.GetValue(shift),
                LabelDelay = parse.GetValue(labelDelay) ?? TimeSpan.Zero,
            };
            options.Validate();
            var dir = parse.GetValue(output)!.FullName;
            var clock = Stopwatch.StartNew();
            var summary = await Task.Run(() => ProgressDisplay.Run(!parse.GetValue(json), $"generate {options.Accounts:N0} accounts",
                progress => WorldFiles.Write(dir, options, parse.GetValue(gzip), progress, ct)), ct);
            var seconds = clock.Elapsed.TotalSeconds;
            return JsonOutput.Report(parse, json, new { folder = dir, seconds = Math.Round(seconds, 3), summary }, () =>
            {
                var table = new Table().Title($"world written to {Markup.Escape(dir)} in {seconds:F1} s").AddColumn("file").AddColumn("rows", c => c.RightAligned());
                table.AddRow("accounts", $"{summary.Accounts:N0}").AddRow("events", $"{summary.Events:N0}").AddRow("content", $"{summary.Content:N0}")
                    .AddRow("content_signals", $"{summary.ContentSignals:N0}").AddRow("labels", $"{summary.Labels:N0}").AddRow("content_labels", $"{summary.ContentLabels:N0}")
                    .AddRow("truth (abusive accounts)", $"{summary.TruthRows:N0}").AddRow("lookalikes", $"{summary.Lookalikes:N0}");
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine("campaigns: " + string.Join(", ", summary.CampaignsByPattern.Select(p =>
                    $"{p.Key} {p.Value} ({summary.AbusiveAccountsByPattern[p.Key]:N0} accounts)")));
                if (summary.BadRows > 0)
                {
                    AnsiConsole.MarkupLine($"[yellow]{summary.BadRows} malformed rows injected[/]");
                }
            });
        });
    }
}
