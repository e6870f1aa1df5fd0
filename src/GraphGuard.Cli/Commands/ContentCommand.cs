using System.CommandLine;
using GraphGuard.Cli.Options;
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
        var json = CommonOptions.Json();
        var command = new Command("train", "Train one classifier per policy with enough verdicts, measure it on held-out authors, save it with its card") { models, json };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var cards = await ContentModelTraining.TrainAsync(dataSource, parse.GetValue(models)!, ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(cards);
                return 0;
            }
            var table = new Table().Title($"content models in {Markup.Escape(parse.GetValue(models)!)} (held-out authors)")
                .AddColumns("policy", "version", "train +/-", "held out +/-", "AUROC", "AUPRC", "Brier", "seconds");
            foreach (var c in cards)
            {
                table.AddRow(c.Label, c.Version, $"{c.TrainPositives:N0}/{c.TrainNegatives:N0}", $"{c.HeldOutPositives:N0}/{c.HeldOutNegatives:N0}",
                    $"{c.Auroc:0.0000}", $"{c.Auprc:0.0000}", $"{c.Brier:0.0000}", $"{c.TrainSeconds:0.0}");
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Score()
    {
        var models = Models();
        var command = new Command("score", "Score every post and comment with text by each saved content model; detectors and features read them as gg_<policy>") { models };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            foreach (var (label, version, scored) in await ContentScoring.ScoreAsync(dataSource, parse.GetValue(models)!, ct))
            {
                AnsiConsole.MarkupLine(Markup.Escape($"{label} ({version}): {scored:N0} items scored"));
            }
            return 0;
        });
        return command;
    }
}
