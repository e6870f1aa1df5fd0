using GraphGuard.Cli.Commands;
using GraphGuard.Core.Features;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Snapshots;
using Npgsql;

namespace GraphGuard.Cli.Risk;

/// <summary>What <c>train</c>, <c>eval --world</c> and <c>bench learn</c> share: load the input, train, log every stage.</summary>
internal static class RiskTraining
{
    /// <summary>The trained model (the caller disposes it) and the labeled input it was trained on.</summary>
    public sealed record Outcome(RiskModel Model, FeatureMatrix Features, IReadOnlyList<bool?> Labels, int[] AccountNodes);

    public static async Task<Outcome> RunAsync(
        NpgsqlDataSource dataSource, SnapshotWindow window, RiskTrainingOptions options, string version, string source, StageLog log, CancellationToken ct)
    {
        var (input, nodes) = await RiskInputLoader.LoadAsync(dataSource, window, log, ct);
        using (input.Relations)
        {
            var (model, features) = RiskTrainer.Train(input, options, version, source, new SynchronousProgress<string>(log.Note), ct);
            log.Done("training", $"{model.FeatureNames.Count} features, {model.Summary.Rounds} rounds, {model.Summary.Calibration} calibration");
            return new Outcome(model, features, input.Labels, nodes);
        }
    }
}
