using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Workflows.Risk;
using Spectre.Console;

namespace GraphGuard.Cli.Risk;

/// <summary><c>graphguard score</c>: score every account of a window with a saved risk model, with reasons.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var modelDir = new Option<string>("--model") { Description = "Model artifact folder written by 'graphguard train'", HelpName = "dir", DefaultValueFactory = _ => Path.Combine("models", "risk-demo") };
        var window = new WindowOptions();
        var top = new Option<int>("--top") { Description = "Accounts to print, riskiest first", DefaultValueFactory = _ => 20 };
        var reasons = new Option<int>("--reasons") { Description = "Reasons per account", DefaultValueFactory = _ => 3 };
        var output = OutOption.File($"Also write every account's score to this CSV file ({ScoreCsv.Header})");
        var json = JsonOutput.Option();
        var command = window.On(new Command("score", "Score every account of a window with a saved risk model: calibrated probability and the reasons that raised it")
        {
            modelDir, top, reasons, output, json,
        });
        return CliAction.Set(command, async (parse, ct) =>
        {
            using var model = ModelFolder.Read(parse.GetValue(modelDir)!);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var report = await WindowScoring.ReportAsync(dataSource, model, window.Read(parse), parse.GetValue(reasons), parse.GetValue(top), parse.GetValue(output)?.FullName,
                new StageLog("score", Console.Error.WriteLine), ct);
            var document = new
            {
                model = model.Summary.Version,
                accounts = report.Accounts,
                missing_features = report.MissingFeatures,
                top = report.Top.Select(a => new { account_id = a.AccountId, probability = Math.Round(a.Probability, 4), margin = Math.Round(a.Margin, 4), reasons = a.Reasons }),
            };
            return JsonOutput.Report(parse, json, document, () => TableOutput.Write(report.Top, ["account", "probability", "reasons"],
                a => [Markup.Escape(a.AccountId), $"{a.Probability:0.000}", Markup.Escape(string.Join("; ", a.Reasons))]));
        });
    }
}
