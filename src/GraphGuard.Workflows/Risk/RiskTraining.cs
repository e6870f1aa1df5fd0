using GraphGuard.Core.Features;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Progress;
using Npgsql;

namespace GraphGuard.Workflows.Risk;

/// <summary>What <c>train</c>, <c>eval --world</c> and <c>bench learn</c> share: build the risk input of a window, train, log every stage.</summary>
public static class RiskTraining
{
    /// <summary>The trained model (the caller disposes it) and the labeled input it was trained on.</summary>
    public sealed record Outcome(RiskModel Model, FeatureMatrix Features, IReadOnlyList<bool?> Labels, int[] AccountNodes);

    public static async Task<Outcome> RunAsync(
        NpgsqlDataSource dataSource, SnapshotWindow window, RiskTrainingOptions options, string version, string source, StageLog log, CancellationToken ct = default)
    {
        var (input, nodes) = await RiskInputs.LoadAsync(dataSource, window, log, ct).ConfigureAwait(false);
        using (input.Relations)
        {
            var (model, features) = RiskTrainer.Train(input, options, version, source, new SynchronousProgress<string>(log.Note), ct);
            log.Done("training", $"{model.FeatureNames.Count} features, {model.Summary.Rounds} rounds, {model.Summary.Calibration} calibration");
            return new Outcome(model, features, input.Labels, nodes);
        }
    }
}
