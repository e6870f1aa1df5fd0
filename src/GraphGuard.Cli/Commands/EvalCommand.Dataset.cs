using System.CommandLine;
using GraphGuard.Workflows.Datasets;
using GraphGuard.Learning.Evaluation;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

internal static partial class EvalCommand
{
    /// <summary>
    /// <c>graphguard eval --dataset DIR</c>, the GADBench protocol on a benchmark folder: adds its options; the action runs
    /// only when --dataset is given (null otherwise).
    /// </summary>
    private static Func<ParseResult, CancellationToken, Task<int>?> DatasetAction(Command eval, Option<bool> json)
    {
        var dataset = new Option<DirectoryInfo>("--dataset")
        {
            Description = "A benchmark folder (edges_<relation>.csv, features.csv, labels.csv): score our models with the GADBench protocol",
        };
        var seeds = new Option<int>("--seeds") { Description = "Stratified 40/20/40 splits to average over", DefaultValueFactory = _ => 5 };
        var tune = new Option<TuningStage?>("--tune")
        {
            Description = "Instead of the evaluation, score one stage's candidate settings on the validation splits only and name the best",
            HelpName = "aggregation|booster|sage|stacking",
        };
        eval.Options.Add(dataset);
        eval.Options.Add(seeds);
        eval.Options.Add(tune);
        return (parse, ct) =>
        {
            if (parse.GetValue(dataset)?.FullName is not { } dir)
            {
                return null;
            }
            var quiet = parse.GetValue(json);
            var data = DatasetFolder.Read(dir);
            var options = new DatasetEvaluationOptions { Seeds = parse.GetValue(seeds) };
            IProgress<string>? progress = quiet ? null : new SynchronousProgress<string>(line => Console.Error.WriteLine(line));
            if (!quiet)
            {
                AnsiConsole.MarkupLine(Markup.Escape(DatasetEvaluationReport.Describe(dir, data)));
            }
            IReadOnlyList<EvaluationRow> rows;
            string scope;
            if (parse.GetValue(tune) is { } stage)
            {
                (rows, var chosen) = DatasetTuning.Run(data, stage, options, progress, ct);
                scope = $"validation splits only; chosen: {chosen}";
            }
            else
            {
                (rows, scope) = (DatasetEvaluation.Run(data, options, progress, ct), "test splits; K = positives in each test split");
            }
            return Task.FromResult(JsonOutput.Report(parse, json, DatasetEvaluationReport.Of(dir, data, options.Seeds, rows, scope), () => Print(rows, scope)));
        };
    }

    private static void Print(IReadOnlyList<EvaluationRow> rows, string scope)
    {
        TableOutput.Write(rows, ["model", "AUROC", "AUPRC", "Rec@K", "time (s)", "what it sees"],
            row => [row.Name, row.Auroc.ToString(), row.Auprc.ToString(), row.RecallAtK.ToString(), $"{row.Time.TotalSeconds:0.0}", Markup.Escape(row.Description)]);
        AnsiConsole.MarkupLine(Markup.Escape($"mean±std over seeds on the {scope}"));
    }
}
