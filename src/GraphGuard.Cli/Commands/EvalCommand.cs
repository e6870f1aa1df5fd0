using System.CommandLine;
using GraphGuard.Core.Detection;
using GraphGuard.Workflows.Detection;
using GraphGuard.Workflows.Evaluation;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard eval ...</c>: detection quality measured against ground truth, never claimed.</summary>
internal static partial class EvalCommand
{
    /// <summary>Runs a job with its steps as live status on a terminal (or quietly).</summary>
    private static async Task<T> ShowStepsAsync<T>(bool show, Func<Action<string>, Task<T>> job)
    {
        if (!show || Console.IsOutputRedirected)
        {
            return await job(_ => { });
        }
        T result = default!;
        await AnsiConsole.Status().StartAsync("loading the snapshot", async context => result = await job(step => context.Status(step)));
        return result;
    }

    public static Command Create()
    {
        // One action for the command itself: --dataset and --world each name an evaluation; subcommands have their own.
        var json = CommonOptions.Json();
        var eval = new Command("eval", "Measure detection and the risk model against ground truth") { Detect(), json };
        var dataset = DatasetAction(eval, json);
        var world = WorldAction(eval, json);
        CliAction.Set(eval, (parse, ct) => dataset(parse, ct) ?? world(parse, ct)
            ?? throw new ArgumentException("eval needs --dataset DIR or --world DIR, or a subcommand (see 'graphguard eval --help')"));
        return eval;
    }

    private static Command Detect()
    {
        var world = new Option<DirectoryInfo>("--world") { Description = "A generated world folder (with truth.csv and lookalikes.csv)", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("detect",
            "Ingest a generated world into its own database (idempotent), run detection, and print recall and purity per planted pattern") { world, json };
        CliAction.Set(command, async (parse, ct) =>
        {
            var dir = parse.GetValue(world)!.FullName;
            var database = WorldStore.DatabaseFor(dir);
            await using var dataSource = await Database.OpenMigratedAsync(ct, database);
            var quiet = parse.GetValue(json);
            await ProgressDisplay.RunAsync(!quiet, "ingest", async progress =>
            {
                await WorldStore.IngestAsync(dataSource, dir, progress, ct);
                return 0;
            });
            var (card, outcome) = await ShowStepsAsync(!quiet, step => WorldDetectionEvaluation.RunAsync(dataSource, dir, step, ct));
            if (quiet)
            {
                JsonOutput.Write(new
                {
                    world = dir,
                    database,
                    detection_run_id = outcome.RunId,
                    // JSON has no NaN: a pattern no cluster is dominated by has no purity.
                    patterns = card.Patterns.Select(p => new { p.Pattern, p.Campaigns, p.Accounts, p.Recall, purity = double.IsNaN(p.Purity) ? (double?)null : p.Purity }),
                    clusters = card.Clusters,
                    flagged_accounts = card.FlaggedAccounts,
                    benign_flagged = card.BenignFlagged,
                    benign_share = Math.Round(card.BenignShare, 4),
                    lookalikes_flagged = card.LookalikesFlagged,
                    detect_seconds = Math.Round(outcome.TotalTime.TotalSeconds, 2),
                });
                return 0;
            }
            Print(card, outcome, database);
            return 0;
        });
        return command;
    }

    private static void Print(DetectionScorecard card, DetectionWorkflow.Outcome outcome, string database)
    {
        var table = new Table().AddColumns("pattern", "campaigns", "accounts", "recall", "purity", "goal met");
        foreach (var p in card.Patterns)
        {
            var met = p.Recall >= 0.9 && p.Purity >= 0.9;
            table.AddRow(p.Pattern, p.Campaigns.ToString(), p.Accounts.ToString("N0"), $"{p.Recall:0.000}", double.IsNaN(p.Purity) ? "-" : $"{p.Purity:0.000}",
                met ? "[green]yes[/]" : "[red]no[/]");
        }
        AnsiConsole.MarkupLine($"detection run {outcome.RunId} in database {database}: {card.Clusters} clusters, {card.FlaggedAccounts:N0} accounts flagged");
        AnsiConsole.Write(table);
        var benignMet = card.BenignShare <= 0.01 ? "[green]goal met[/]" : "[red]goal missed[/]";
        AnsiConsole.MarkupLine($"benign accounts flagged: {card.BenignFlagged:N0} of {card.FlaggedAccounts:N0} = {card.BenignShare:P2} (goal <= 1%) {benignMet}");
        var kinds = card.LookalikesFlagged.Count == 0 ? "none" : string.Join(", ", card.LookalikesFlagged.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"));
        AnsiConsole.MarkupLine(Markup.Escape($"look-alikes flagged: {kinds}"));
        AnsiConsole.MarkupLine(Markup.Escape($"detection took {outcome.TotalTime.TotalSeconds:0.0} s (snapshot load {outcome.LoadTime.TotalSeconds:0.0} s)"));
    }
}
