using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Progress;
using GraphGuard.Workflows.Risk;
using Spectre.Console;

namespace GraphGuard.Cli.Risk;

/// <summary><c>graphguard score</c>: score every account of a window with a saved risk model, with reasons.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var modelDir = new Option<string>("--model") { Description = "Model artifact folder written by 'graphguard train'", HelpName = "dir", DefaultValueFactory = _ => Path.Combine("models", "risk-demo") };
        var windowOptions = new WindowOptions();
        var top = new Option<int>("--top") { Description = "Accounts to print, riskiest first", DefaultValueFactory = _ => 20 };
        var reasons = new Option<int>("--reasons") { Description = "Reasons per account", DefaultValueFactory = _ => 3 };
        var output = OutOption.File($"Also write every account's score to this CSV file ({ScoreCsv.Header})");
        var json = CommonOptions.Json();
        var command = new Command("score", "Score every account of a window with a saved risk model: calibrated probability and the reasons that raised it")
        {
            modelDir, top, reasons, output, json,
        };
        windowOptions.On(command);
        CliAction.Set(command, async (parse, ct) =>
        {
            var window = windowOptions.Read(parse);
            using var model = ModelFolder.Read(parse.GetValue(modelDir)!);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var (ranked, nodes, missing) = await WindowScoring.RunAsync(dataSource, model, window, parse.GetValue(reasons), new StageLog("score", Console.Error.WriteLine), ct);
            var shown = ranked.Take(Math.Max(0, parse.GetValue(top))).ToArray();
            var names = await EntityNames.LoadAsync(dataSource, (parse.GetValue(output) is null ? shown : ranked).Select(s => nodes[s.Row]), ct);
            if (parse.GetValue(output) is { } csv)
            {
                await ScoreCsv.WriteAsync(csv.FullName, ranked, nodes, names, ct);
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new
                {
                    model = model.Summary.Version,
                    accounts = ranked.Length,
                    missing_features = missing,
                    top = shown.Select(s => new { account_id = names.ExternalId(nodes[s.Row]), probability = Math.Round(s.Probability, 4), margin = Math.Round(s.Margin, 4), reasons = s.Reasons.Select(r => r.Text) }),
                });
                return 0;
            }
            var table = new Table().AddColumns("account", "probability", "reasons");
            foreach (var s in shown)
            {
                table.AddRow(Markup.Escape(names.ExternalId(nodes[s.Row])), $"{s.Probability:0.000}", Markup.Escape(string.Join("; ", s.Reasons.Select(r => r.Text))));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
