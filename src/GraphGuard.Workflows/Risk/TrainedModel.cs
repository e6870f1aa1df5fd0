using System.Diagnostics;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Progress;
using Npgsql;

namespace GraphGuard.Workflows.Risk;

/// <summary><c>train</c>: a risk model trained on a window and saved as an artifact folder (printed, or written as JSON).</summary>
/// <param name="Model">The artifact folder.</param>
/// <param name="Version">The model's version: the folder's name.</param>
/// <param name="Bytes">The artifact's size.</param>
/// <param name="Accounts">Accounts in the window.</param>
/// <param name="LabeledAbusive">Accounts labeled abusive.</param>
/// <param name="LabeledBenign">Accounts labeled benign.</param>
/// <param name="Features">Feature columns.</param>
/// <param name="Rounds">Boosting rounds kept.</param>
/// <param name="Calibration">The calibration method.</param>
/// <param name="Validation">Metrics on the validation split.</param>
/// <param name="HeldOut">Metrics on the held-out split.</param>
/// <param name="Seconds">Each training stage's time.</param>
/// <param name="PeakMemoryBytes">The process's peak working set.</param>
public sealed record TrainedModel(
    string Model, string Version, long Bytes, int Accounts, int LabeledAbusive, int LabeledBenign, int Features, int Rounds, string Calibration,
    RiskSetMetrics Validation, RiskSetMetrics HeldOut, IReadOnlyDictionary<string, double> Seconds, long PeakMemoryBytes)
{
    /// <param name="dataSource">The store.</param>
    /// <param name="window">The events to train on.</param>
    /// <param name="dir">The artifact folder to write; its name is the model's version.</param>
    /// <param name="embedding">Whether the GraphSAGE embedding is part of the model.</param>
    /// <param name="source">What the data is, for the model card (default: the database and window).</param>
    /// <param name="log">Told each stage.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<TrainedModel> TrainAsync(
        NpgsqlDataSource dataSource, SnapshotWindow window, string dir, bool embedding, string? source, StageLog log, CancellationToken ct = default)
    {
        var options = embedding ? new RiskTrainingOptions() : new RiskTrainingOptions() with { Embedding = null };
        source ??= $"database {new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database}, window {Describe(window)}";
        var outcome = await RiskTraining.RunAsync(dataSource, window, options, ModelFolder.VersionOf(dir), source, log, ct).ConfigureAwait(false);
        using var model = outcome.Model;
        var bytes = ModelFolder.Write(dir, model);
        var s = model.Summary;
        return new TrainedModel(dir, s.Version, bytes, s.Accounts, s.LabeledAbusive, s.LabeledBenign, model.FeatureNames.Count, s.Rounds, s.Calibration,
            s.Validation, s.HeldOut, s.Seconds, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private static string Describe(SnapshotWindow window) =>
        window.From is null && window.To is null ? "all data" : $"{window.From:O} to {window.To:O}";
}
