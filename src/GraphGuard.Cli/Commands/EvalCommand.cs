using System.CommandLine;
using System.Text.RegularExpressions;
using GraphGuard.Core.Detection;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Ingest;
using GraphGuard.Storage.Snapshots;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard eval ...</c>: detection quality measured against ground truth, never claimed.</summary>
internal static partial class EvalCommand
{
    public static Command Create()
    {
        // One action for the command itself: --dataset and --world each name an evaluation; subcommands have their own.
        var json = CommonOptions.Json();
        var eval = new Command("eval", "Measure detection and the risk model against ground truth") { Detect(), json };
        var dataset = DatasetAction(eval, json);
        var world = Risk.WorldEvaluation.Attach(eval, json);
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
            var truth = ReadTruth(Path.Combine(dir, "truth.csv"));
            var lookalikes = ReadLookalikes(Path.Combine(dir, "lookalikes.csv"));
            var database = DatabaseFor(dir);
            await using var dataSource = await Database.OpenMigratedAsync(ct, database);
            var quiet = parse.GetValue(json);
            var ingest = await ProgressDisplay.RunAsync(!quiet, "ingest", progress => new Ingestor(dataSource, new IngestOptions()).IngestAsync(dir, progress, ct));
            if (!ingest.Succeeded)
            {
                throw new InvalidOperationException($"ingesting {dir} failed; see 'graphguard ingest {dir}'");
            }
            var outcome = await DetectionJob.RunAsync(dataSource, SnapshotWindow.All, !quiet, ct);
            var accountNodes = outcome.Report.Clusters.SelectMany(c => c.Members).Select(a => outcome.Report.Features.AccountIds[a]);
            var names = await EntityNames.LoadAsync(dataSource, accountNodes, ct);
            var clusters = outcome.Report.Clusters
                .Select(c => (IReadOnlyList<string>)[.. c.Members.Select(a => names.ExternalId(outcome.Report.Features.AccountIds[a]))])
                .ToList();
            var card = DetectionEvaluation.Score(clusters, truth, lookalikes);
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

    private static void Print(DetectionScorecard card, DetectionJob.Outcome outcome, string database)
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

    /// <summary>One database per world folder, so worlds never mix and re-running reuses the ingested data.</summary>
    internal static string DatabaseFor(string dir)
    {
        var name = NotAllowed().Replace(Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)).ToLowerInvariant(), "_");
        return $"graphguard_eval_{name}"[..Math.Min(63, 16 + name.Length)];
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotAllowed();

    internal static Dictionary<string, (string Campaign, string Pattern)> ReadTruth(string path) =>
        Rows(path, "account_id,campaign,pattern").ToDictionary(r => r[0], r => (r[1], r[2]));

    internal static Dictionary<string, string> ReadLookalikes(string path) =>
        File.Exists(path) ? Rows(path, "account_id,group,kind").GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.First()[2]) : [];

    private static IEnumerable<string[]> Rows(string path, string header)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: not found; eval detect needs a folder written by 'graphguard generate'");
        }
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext() || lines.Current.Trim() != header)
        {
            throw new InvalidDataException($"{path}:1: expected the header '{header}'");
        }
        var line = 1;
        while (lines.MoveNext())
        {
            line++;
            var fields = lines.Current.Split(',');
            if (fields.Length != 3 || fields.Any(string.IsNullOrEmpty))
            {
                throw new InvalidDataException($"{path}:{line}: expected 3 non-empty fields ({header})");
            }
            yield return fields;
        }
    }
}
