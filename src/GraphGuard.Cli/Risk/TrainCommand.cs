using System.CommandLine;
using GraphGuard.Cli.Options;
using System.Diagnostics;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Progress;
using GraphGuard.Workflows.Risk;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Cli.Risk;

/// <summary><c>graphguard train</c>: train the risk model on the stored data and save it as an artifact folder.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Artifact folder to write (default: models/risk-<UTC time>); its name is the model's version" };
        var windowOptions = new WindowOptions();
        var noEmbedding = new Option<bool>("--no-embedding") { Description = "Leave the GraphSAGE embedding out (faster; for comparison)" };
        var describe = new Option<string?>("--source") { Description = "What the data is, for the model card (default: the database and window)" };
        var json = CommonOptions.Json();
        var command = new Command("train",
            "Train the risk model: snapshot, graph and detector features, GraphSAGE embedding, XGBoost on the labeled accounts, calibration; save models/<version>/")
        {
            output, noEmbedding, describe, json,
        };
        windowOptions.On(command);
        CliAction.Set(command, async (parse, ct) =>
        {
            var window = windowOptions.Read(parse);
            var dir = parse.GetValue(output) ?? ModelFolder.DefaultOut();
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var options = new RiskTrainingOptions();
            options = parse.GetValue(noEmbedding) ? options with { Embedding = null } : options;
            var source = parse.GetValue(describe) ?? $"database {new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database}, window {Describe(window)}";
            var outcome = await RiskTraining.RunAsync(dataSource, window, options, ModelFolder.VersionOf(dir), source, new StageLog("train", Console.Error.WriteLine), ct);
            using (var model = outcome.Model)
            {
                var bytes = ModelFolder.Write(dir, model);
                var s = model.Summary;
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(new
                    {
                        model = dir,
                        version = s.Version,
                        bytes,
                        accounts = s.Accounts,
                        labeled_abusive = s.LabeledAbusive,
                        labeled_benign = s.LabeledBenign,
                        features = model.FeatureNames.Count,
                        rounds = s.Rounds,
                        calibration = s.Calibration,
                        validation = s.Validation,
                        held_out = s.HeldOut,
                        seconds = s.Seconds,
                        peak_memory_bytes = Process.GetCurrentProcess().PeakWorkingSet64,
                    });
                    return 0;
                }
                AnsiConsole.MarkupLine(Markup.Escape($"model {s.Version}: {model.FeatureNames.Count} features, {s.Rounds} rounds, {s.Calibration} calibration; written to {dir} ({bytes / 1024.0:N0} KiB)"));
                AnsiConsole.MarkupLine(Markup.Escape($"held out: AUROC {s.HeldOut.Auroc:0.0000}, AUPRC {s.HeldOut.Auprc:0.0000}, Recall@K {s.HeldOut.RecallAtK:0.0000} on {s.HeldOut.Positives + s.HeldOut.Negatives:N0} labeled accounts; see {Path.Combine(dir, RiskArtifact.ModelCardFile)}"));
            }
            return 0;
        });
        return command;
    }

    private static string Describe(SnapshotWindow window) =>
        window.From is null && window.To is null ? "all data" : $"{window.From:O} to {window.To:O}";
}
