using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Learning.Risk;
using GraphGuard.Workflows.Evaluation;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

internal static partial class EvalCommand
{
    /// <summary><c>graphguard eval --world DIR</c>: adds its options; the action runs only when --world is given (null otherwise).</summary>
    private static Func<ParseResult, CancellationToken, Task<int>?> WorldAction(Command eval, Option<bool> json)
    {
        var world = new Option<DirectoryInfo?>("--world") { Description = "Train the risk model on a generated world's labels and score its unlabeled accounts against truth.csv" };
        var output = OutOption.Folder("With --world: also save the trained model to this folder");
        var noEmbedding = new Option<bool>("--no-embedding") { Description = "With --world: leave the GraphSAGE embedding out" };
        eval.Add(world);
        eval.Add(output);
        eval.Add(noEmbedding);
        return (parse, ct) => parse.GetValue(world) is { } folder ? RunWorldAsync(parse, folder.FullName, parse.GetValue(output)?.ToString(), parse.GetValue(noEmbedding), json, ct) : null;
    }

    private static async Task<int> RunWorldAsync(ParseResult parse, string dir, string? output, bool noEmbedding, Option<bool> json, CancellationToken ct)
    {
        var options = noEmbedding ? new RiskTrainingOptions { Embedding = null } : new RiskTrainingOptions();
        var database = WorldStore.DatabaseFor(dir);
        var log = new StageLog("eval", Console.Error.WriteLine);
        await using var dataSource = await ProgressDisplay.RunAsync(!parse.GetValue(json), "ingest", progress => WorldStore.OpenIngestedAsync(dir, progress, ct));
        log.Done("ingest", $"{dir} in database {database}");
        var result = await WorldEvaluation.RunAsync(dataSource, dir, database, options, output, log, ct);
        return JsonOutput.Report(parse, json, result, () => Print(result));
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
        AnsiConsole.MarkupLine($"AUROC {r.Auroc:0.00000} on the unlabeled accounts");
        AnsiConsole.MarkupLine(Markup.Escape($"probability >= 0.5: {r.AtHalf.Flagged:N0} flagged, precision {r.AtHalf.Precision:0.000}, recall {r.AtHalf.Recall:0.000}; look-alikes in the top K: {r.LookalikesInTopK:N0}"));
        AnsiConsole.MarkupLine(Markup.Escape($"labeled held-out accounts: AUROC {r.Model?.Auroc:0.0000}, AUPRC {r.Model?.Auprc:0.0000}; seconds: {string.Join(", ", r.Seconds.Select(s => $"{s.Key} {s.Value:0.0}"))}; peak memory {r.PeakMemoryBytes / (1024.0 * 1024 * 1024):0.00} GiB"));
    }
}
