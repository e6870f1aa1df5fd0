using System.CommandLine;
using GraphGuard.Workflows.Content;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard content train|score</c>: the in-house text classifiers, one per policy reviewers name.</summary>
internal static class ContentCommand
{
    public static Command Create() => new("content", "Text classifiers on ML.NET, trained from reviewers' verdicts (content_labels) and scored over all content")
    {
        Train(),
        Score(),
    };

    private static Option<string> Models() => new("--models")
    {
        Description = "Folder of content models, one subfolder per policy (default: models/content)",
        DefaultValueFactory = _ => ContentModelTraining.DefaultFolder,
    };

    private static Command Train()
    {
        var models = Models();
        var json = JsonOutput.Option();
        var command = new Command("train", "Train one classifier per policy with enough verdicts, measure it on held-out authors, save it with its card") { models, json };
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var cards = await ContentModelTraining.TrainAsync(dataSource, parse.GetValue(models)!, ct);
            return JsonOutput.Report(parse, json, cards, () => TableOutput.Write(cards,
                ["policy", "version", "train +/-", "held out +/-", "AUROC", "AUPRC", "Brier", "seconds"],
                c => [c.Label, c.Version, $"{c.TrainPositives:N0}/{c.TrainNegatives:N0}", $"{c.HeldOutPositives:N0}/{c.HeldOutNegatives:N0}",
                    $"{c.Auroc:0.0000}", $"{c.Auprc:0.0000}", $"{c.Brier:0.0000}", $"{c.TrainSeconds:0.0}"],
                title: $"content models in {Markup.Escape(parse.GetValue(models)!)} (held-out authors)"));
        });
    }

    private static Command Score()
    {
        var models = Models();
        var command = new Command("score", "Score every post and comment with text by each saved content model; detectors and features read them as gg_<policy>") { models };
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            foreach (var (label, version, scored) in await ContentScoring.ScoreAsync(dataSource, parse.GetValue(models)!, ct))
            {
                AnsiConsole.MarkupLine(Markup.Escape($"{label} ({version}): {scored:N0} items scored"));
            }
            return 0;
        });
    }
}
