using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Core.Detection;
using GraphGuard.Core.Synthetic.Scenarios;
using GraphGuard.Workflows;
using GraphGuard.Workflows.Evaluation;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard eval detect</c>: one world scored, or the leave-families-out protocol.</summary>
internal static partial class EvalCommand
{
    private static Command Detect()
    {
        var world = new Option<DirectoryInfo>("--world") { Description = "A generated world folder (with truth.csv and lookalikes.csv)" };
        var leaveOut = new Option<bool>("--leave-families-out")
        {
            Description = "Split the scenario library's families in two halves, generate a world per half, fit the verification thresholds on one half and report them on the other, both ways",
        };
        var folder = OutOption.Folder("With --leave-families-out: where the worlds are written (reused when present)");
        var accounts = new Option<int>("--accounts") { Description = "With --leave-families-out: accounts per world", DefaultValueFactory = _ => 30_000 };
        var seed = new Option<ulong>("--seed") { Description = "With --leave-families-out: seeds the worlds and the split of families", DefaultValueFactory = _ => 5 };
        var difficulty = new Option<ScenarioDifficulty[]>("--difficulty")
        {
            Description = "With --leave-families-out: difficulties to measure (repeat the option)",
            DefaultValueFactory = _ => [ScenarioDifficulty.Default, ScenarioDifficulty.Hard],
        };
        var json = JsonOutput.Option();
        var command = new Command("detect",
            "Ingest a generated world into its own database (idempotent), run detection, and print recall and purity per planted family, "
            + "benign share overall and per look-alike family, and time; or run the leave-families-out protocol")
        {
            world, leaveOut, folder, accounts, seed, difficulty, json,
        };
        return CliAction.Set(command, async (parse, ct) =>
        {
            var quiet = parse.GetValue(json);
            if (parse.GetValue(leaveOut))
            {
                var settings = new LeaveFamiliesOut.Settings(
                    (parse.GetValue(folder) ?? throw new ArgumentException("--leave-families-out needs --out DIR (where its worlds are written)")).FullName,
                    parse.GetValue(accounts), parse.GetValue(seed), parse.GetValue(difficulty)!);
                var outcome = await StepStatus.RunAsync(!quiet, step => LeaveFamiliesOut.RunAsync(settings, step, ct));
                return JsonOutput.Report(parse, json, LeaveFamiliesOutReport.Of(outcome), () => PrintLeaveFamiliesOut(outcome));
            }
            var dir = (parse.GetValue(world) ?? throw new ArgumentException("eval detect needs --world DIR or --leave-families-out")).FullName;
            var database = WorldStore.DatabaseFor(dir);
            await using var dataSource = await ProgressDisplay.RunAsync(!quiet, "ingest", progress => WorldStore.OpenIngestedAsync(dir, progress, ct));
            var evaluation = await StepStatus.RunAsync(!quiet, step => WorldDetectionEvaluation.RunAsync(dataSource, dir, step, ct));
            var (card, detection, _) = evaluation;
            return JsonOutput.Report(parse, json, WorldDetectionReport.Of(dir, database, evaluation), () =>
            {
                AnsiConsole.MarkupLine(Markup.Escape($"detection run {detection.RunId} in database {database}: {card.Clusters} clusters, {card.FlaggedAccounts:N0} accounts flagged"));
                PrintCard(card);
                AnsiConsole.MarkupLine(Markup.Escape($"detection took {detection.TotalTime.TotalSeconds:0.0} s (snapshot load {detection.LoadTime.TotalSeconds:0.0} s; "
                    + string.Join(", ", detection.Report.Timings.Select(t => $"{t.Step} {t.Elapsed.TotalSeconds:0.0} s")) + ")"));
            });
        });
    }

    private static void PrintCard(DetectionScorecard card)
    {
        TableOutput.Write(card.Patterns, ["family", "campaigns", "accounts", "recall", "purity", "goal met"], p =>
            [p.Pattern, p.Campaigns.ToString(), p.Accounts.ToString("N0"), $"{p.Recall:0.000}", double.IsNaN(p.Purity) ? "-" : $"{p.Purity:0.000}",
                VerificationFitting.Met(p) ? "[green]yes[/]" : "[red]no[/]"]);
        var benignMet = card.BenignShare <= VerificationFitting.BenignGoal ? "[green]goal met[/]" : "[red]goal missed[/]";
        AnsiConsole.MarkupLine($"benign accounts flagged: {card.BenignFlagged:N0} of {card.FlaggedAccounts:N0} = {card.BenignShare:P2} (goal <= 1%) {benignMet}");
        if (card.Lookalikes.Count == 0)
        {
            return;
        }
        TableOutput.Write(card.Lookalikes, ["look-alike family", "accounts", "flagged", "share of flagged", "share of family", "goal met (<= 0.5% of flagged)"], l =>
            [l.Family, l.Accounts.ToString("N0"), l.Flagged.ToString("N0"), $"{l.ShareOfFlagged:P2}", $"{l.ShareOfFamily:P2}",
                l.ShareOfFlagged <= VerificationFitting.LookalikeGoal ? "[green]yes[/]" : "[red]no[/]"]);
    }

    private static string Describe(VerificationOptions o) =>
        $"penalty {o.Penalty:0.0#}, copies per account {o.MinCopiesPerAccount:0.#}, min score {o.MinScore:0.0#}";

    private static void PrintLeaveFamiliesOut(LeaveFamiliesOut.Outcome outcome)
    {
        foreach (var half in outcome.Halves)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"{half.Difficulty} half {half.Name}: {string.Join(", ", half.Families)}"));
            AnsiConsole.MarkupLine(Markup.Escape($"  world {half.World}, database {half.Database}, detection run {half.DetectionRunId}, "
                + $"detection {half.DetectTime.TotalSeconds:0.0} s (" + string.Join(", ", half.Timings.Select(t => $"{t.Step} {t.Elapsed.TotalSeconds:0.0} s")) + ")"));
        }
        AnsiConsole.MarkupLine(Markup.Escape($"defaults: {Describe(new VerificationOptions())}"));
        foreach (var d in outcome.Directions)
        {
            AnsiConsole.WriteLine();
            AnsiConsole.MarkupLine(Markup.Escape($"{d.Difficulty}: fitted on half {d.FittedOn} ({Describe(d.Fitted)}); "
                + $"on half {d.FittedOn} itself {d.OnFitted.Patterns.Count(VerificationFitting.Met)} of {d.OnFitted.Patterns.Count} families met, benign {d.OnFitted.BenignShare:P2}"));
            AnsiConsole.MarkupLine(Markup.Escape($"reported on held-out half {d.ReportedOn}: {d.HeldOut.Clusters} clusters, {d.HeldOut.FlaggedAccounts:N0} accounts flagged"));
            PrintCard(d.HeldOut);
        }
    }
}
