using System.CommandLine;
using GraphGuard.Storage.Models;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard models list|show</c>: the model registry — versions, which serves, their release decisions, a model's card.</summary>
internal static class ModelsCommand
{
    public static Command Create() => new("models", "The model registry: every risk model, which one serves, champion-and-challenger decisions, a model's card")
    {
        List(), Show(),
    };

    private static Command List()
    {
        var json = JsonOutput.Option();
        var command = new Command("list", "Every stored model, newest first: the run that trained it, whether it serves, its release decision") { json };
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var models = await ModelRegistry.ListAsync(dataSource, ct);
            return JsonOutput.Report(parse, json, new { models = models.Select(m => new { m.Version, m.RunId, m.CreatedAt, m.Serving, m.Release }) }, () =>
                TableOutput.Write(models, ["model", "run", "created (UTC)", "serving", "release"], m =>
                    [Markup.Escape(m.Version), m.RunId?.ToString() ?? "", $"{m.CreatedAt:yyyy-MM-dd HH:mm:ss}", m.Serving ? "yes" : "", Markup.Escape(m.Release?.Reason ?? "")]));
        });
    }

    private static Command Show()
    {
        var version = new Argument<string>("VERSION") { Description = "Model version (from models list)" };
        var json = JsonOutput.Option();
        var command = new Command("show", "One model: its release decision with both models' measures, its training summary and its card") { version, json };
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var name = parse.GetValue(version)!;
            var model = await ModelRegistry.FindAsync(dataSource, name, ct) ?? throw new ArgumentException($"there is no model '{name}' (see 'graphguard models list')");
            var card = await ModelRegistry.CardAsync(dataSource, name, ct);
            var summary = System.Text.Json.JsonDocument.Parse(model.SummaryJson).RootElement;
            return JsonOutput.Report(parse, json, new { model.Version, model.RunId, model.CreatedAt, model.Serving, model.Release, summary, card }, () =>
            {
                Console.WriteLine($"model {model.Version}: trained by run {model.RunId?.ToString() ?? "(deleted)"} at {model.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC{(model.Serving ? ", serving" : "")}");
                if (model.Release is { } r)
                {
                    Console.WriteLine($"release (run {r.RunId}, champion {r.Champion ?? "none"}): {r.Reason}");
                }
                Console.WriteLine();
                Console.WriteLine(card ?? "(no model card stored)");
            });
        });
    }
}
