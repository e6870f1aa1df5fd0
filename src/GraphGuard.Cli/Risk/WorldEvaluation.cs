using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Cli.Commands;
using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Ingest;
using GraphGuard.Storage.Snapshots;
using Spectre.Console;

namespace GraphGuard.Cli.Risk;

/// <summary>
/// <c>graphguard eval --world DIR</c>: the risk model on a generated world. It is trained on the world's labels
/// only, then every account that had no label is scored and ranked against truth.csv (abusive = listed there).
/// </summary>
internal static class WorldEvaluation
{
    /// <summary>The issue's goal: AUROC on the unlabeled accounts of a 1M-account world.</summary>
    private const double GoalAuroc = 0.97;

    /// <summary>Adds <c>--world</c> and its options to the <c>eval</c> command; the action it returns runs only when --world is given (null otherwise).</summary>
    public static Func<ParseResult, CancellationToken, Task<int>?> Attach(Command eval, Option<bool> json)
    {
        var world = new Option<DirectoryInfo?>("--world") { Description = "Train the risk model on a generated world's labels and score its unlabeled accounts against truth.csv" };
        var output = new Option<string?>("--out") { Description = "With --world: also save the trained model to this folder" };
        var noEmbedding = new Option<bool>("--no-embedding") { Description = "With --world: leave the GraphSAGE embedding out" };
        eval.Add(world);
        eval.Add(output);
        eval.Add(noEmbedding);
        return (parse, ct) => parse.GetValue(world) is { } folder ? RunAsync(parse, folder, output, noEmbedding, json, ct) : null;
    }

    private static async Task<int> RunAsync(ParseResult parse, DirectoryInfo folder, Option<string?> output, Option<bool> noEmbedding, Option<bool> json, CancellationToken ct)
    {
        var quiet = parse.GetValue(json);
        var options = new RiskTrainingOptions();
        options = parse.GetValue(noEmbedding) ? options with { Embedding = null } : options;
        var result = await RunAsync(folder.FullName, options, parse.GetValue(output), quiet, ct);
        if (quiet)
        {
            JsonOutput.Write(result);
        }
        else
        {
            Print(result);
        }
        return 0;
    }

    private static async Task<WorldEvaluationResult> RunAsync(string dir, RiskTrainingOptions options, string? output, bool quiet, CancellationToken ct)
    {
        var truth = EvalCommand.ReadTruth(Path.Combine(dir, "truth.csv"));
        var lookalikes = EvalCommand.ReadLookalikes(Path.Combine(dir, "lookalikes.csv"));
        var database = EvalCommand.DatabaseFor(dir);
        await using var dataSource = await Database.OpenMigratedAsync(ct, database);
        var log = new StageLog("eval");
        var ingest = await ProgressDisplay.RunAsync(!quiet, "ingest", progress => new Ingestor(dataSource, new IngestOptions()).IngestAsync(dir, progress, ct));
        if (!ingest.Succeeded)
        {
            throw new InvalidOperationException($"ingesting {dir} failed; see 'graphguard ingest {dir}'");
        }
        log.Done("ingest", $"{dir} in database {database}");

        var version = output is null ? $"eval-{Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))}" : ModelFolder.VersionOf(output);
        var outcome = await RiskTraining.RunAsync(dataSource, SnapshotWindow.All, options, version, $"synthetic world {dir} (database {database})", log, ct);
        using var model = outcome.Model;
        if (output is not null)
        {
            ModelFolder.Write(output, model);
        }
        var margins = model.Margins(outcome.Features);
        var probabilities = Array.ConvertAll(margins, model.Calibrator.Calibrate);
        var names = await EntityNames.LoadAsync(dataSource, outcome.AccountNodes, ct);
        var unlabeled = Enumerable.Range(0, margins.Length).Where(r => outcome.Labels[r] is null).ToArray();
        var ids = unlabeled.Select(r => names.ExternalId(outcome.AccountNodes[r])).ToArray();
        var patterns = ids.Select(id => truth.TryGetValue(id, out var t) ? t.Pattern : null).ToArray();
        var kinds = ids.Select(id => lookalikes.GetValueOrDefault(id)).ToArray();
        var scores = unlabeled.Select(r => margins[r]).ToArray();
        var result = WorldEvaluationResult.Measure(scores, unlabeled.Select(r => probabilities[r]).ToArray(), patterns, kinds) with
        {
            World = dir,
            Database = database,
            Accounts = margins.Length,
            Model = model.Summary.HeldOut,
            Seconds = log.Seconds,
            PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64,
        };
        log.Done("scoring", $"{unlabeled.Length:N0} unlabeled accounts scored against truth");
        return result;
    }

    private static void Print(WorldEvaluationResult r)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"risk model on {r.World} (database {r.Database}): {r.Accounts:N0} accounts, {r.Unlabeled:N0} without a label, {r.UnlabeledAbusive:N0} of them abusive"));
        var table = new Table().AddColumns("accounts scored", "abusive", "AUROC", "AUPRC", $"Recall@K (K = {r.UnlabeledAbusive:N0})");
        table.AddRow("all unlabeled", $"{r.UnlabeledAbusive:N0}", $"{r.Auroc:0.00000}", $"{r.Auprc:0.00000}", $"{r.RecallAtK:0.00000}");
        foreach (var p in r.Patterns)
        {
            table.AddRow($"{p.Pattern} vs benign", $"{p.Accounts:N0}", $"{p.Auroc:0.00000}", $"{p.Auprc:0.00000}", $"{p.RecallAtK:0.00000}");
        }
        AnsiConsole.Write(table);
        var met = r.Auroc >= GoalAuroc ? "[green]goal met[/]" : "[red]goal missed[/]";
        AnsiConsole.MarkupLine($"AUROC {r.Auroc:0.00000} on the unlabeled accounts (goal >= {GoalAuroc} on a 1M-account world): {met}");
        AnsiConsole.MarkupLine(Markup.Escape($"probability >= 0.5: {r.AtHalf.Flagged:N0} flagged, precision {r.AtHalf.Precision:0.000}, recall {r.AtHalf.Recall:0.000}; look-alikes in the top K: {r.LookalikesInTopK:N0}"));
        AnsiConsole.MarkupLine(Markup.Escape($"labeled held-out accounts: AUROC {r.Model?.Auroc:0.0000}, AUPRC {r.Model?.Auprc:0.0000}; seconds: {string.Join(", ", r.Seconds.Select(s => $"{s.Key} {s.Value:0.0}"))}; peak memory {r.PeakMemoryBytes / (1024.0 * 1024 * 1024):0.00} GiB"));
    }
}
