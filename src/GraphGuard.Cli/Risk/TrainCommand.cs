using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Learning.Risk;
using GraphGuard.Workflows.Risk;
using Spectre.Console;

namespace GraphGuard.Cli.Risk;

/// <summary><c>graphguard train</c>: train the risk model on the stored data and save it as an artifact folder.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var output = OutOption.Folder("Artifact folder to write (default: models/risk-<UTC time>); its name is the model's version");
        var window = new WindowOptions();
        var noEmbedding = new Option<bool>("--no-embedding") { Description = "Leave the GraphSAGE embedding out (faster; for comparison)" };
        var describe = new Option<string?>("--source") { Description = "What the data is, for the model card (default: the database and window)" };
        var json = JsonOutput.Option();
        var command = window.On(new Command("train",
            "Train the risk model: snapshot, graph and detector features, GraphSAGE embedding, XGBoost on the labeled accounts, calibration; save models/<version>/")
        {
            output, noEmbedding, describe, json,
        });
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var dir = parse.GetValue(output)?.ToString() ?? ModelFolder.DefaultOut();
            var m = await TrainedModel.TrainAsync(dataSource, window.Read(parse), dir, !parse.GetValue(noEmbedding), parse.GetValue(describe), new StageLog("train", Console.Error.WriteLine), ct);
            return JsonOutput.Report(parse, json, m, () =>
            {
                AnsiConsole.MarkupLine(Markup.Escape($"model {m.Version}: {m.Features} features, {m.Rounds} rounds, {m.Calibration} calibration; written to {dir} ({m.Bytes / 1024.0:N0} KiB)"));
                AnsiConsole.MarkupLine(Markup.Escape($"held out: AUROC {m.HeldOut.Auroc:0.0000}, AUPRC {m.HeldOut.Auprc:0.0000}, Recall@K {m.HeldOut.RecallAtK:0.0000} on {m.HeldOut.Positives + m.HeldOut.Negatives:N0} labeled accounts; see {Path.Combine(dir, RiskArtifact.ModelCardFile)}"));
            });
        });
    }
}
