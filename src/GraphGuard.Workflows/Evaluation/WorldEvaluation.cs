using System.Diagnostics;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Progress;
using GraphGuard.Workflows.Risk;
using Npgsql;

namespace GraphGuard.Workflows.Evaluation;

/// <summary>
/// The risk model on a generated world (<c>eval --world</c>): trained on the world's labels only, then every account
/// that had no label is scored and ranked against truth.csv (abusive = listed there).
/// </summary>
public static class WorldEvaluation
{
    /// <param name="dataSource">The world's database (<see cref="WorldStore"/>), ingested.</param>
    /// <param name="dir">The world folder, for truth.csv and lookalikes.csv.</param>
    /// <param name="database">The database's name, for the report.</param>
    /// <param name="options">Training settings.</param>
    /// <param name="modelFolder">Also save the trained model there (null: do not).</param>
    /// <param name="log">Stage lines and times.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<WorldEvaluationResult> RunAsync(NpgsqlDataSource dataSource, string dir, string database, RiskTrainingOptions options, string? modelFolder,
        StageLog log, CancellationToken ct = default)
    {
        var truth = GroundTruth.ReadTruth(Path.Combine(dir, "truth.csv"));
        var lookalikes = GroundTruth.ReadLookalikes(Path.Combine(dir, "lookalikes.csv"));
        var version = modelFolder is null ? $"eval-{Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))}" : ModelFolder.VersionOf(modelFolder);
        var outcome = await RiskTraining.RunAsync(dataSource, SnapshotWindow.All, options, version, $"synthetic world {dir} (database {database})", log, ct).ConfigureAwait(false);
        using var model = outcome.Model;
        if (modelFolder is not null)
        {
            ModelFolder.Write(modelFolder, model);
        }
        var margins = model.Margins(outcome.Features);
        var probabilities = Array.ConvertAll(margins, model.Calibrator.Calibrate);
        var names = await EntityNames.LoadAsync(dataSource, outcome.AccountNodes, ct).ConfigureAwait(false);
        var unlabeled = Enumerable.Range(0, margins.Length).Where(r => outcome.Labels[r] is null).ToArray();
        var ids = unlabeled.Select(r => names.ExternalId(outcome.AccountNodes[r])).ToArray();
        var patterns = ids.Select(id => truth.TryGetValue(id, out var t) ? t.Pattern : null).ToArray();
        var kinds = ids.Select(id => lookalikes.GetValueOrDefault(id)).ToArray();
        var scores = unlabeled.Select(r => margins[r]).ToArray();
        var result = WorldEvaluationResult.Measure(scores, unlabeled.Select(r => probabilities[r]).ToArray(), patterns, kinds) with
        {
            World = dir,
            Database = database,
            Accounts = margins.Length,
            Model = model.Summary.HeldOut,
            Seconds = log.Seconds,
            PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64,
        };
        log.Done("scoring", $"{unlabeled.Length:N0} unlabeled accounts scored against truth");
        return result;
    }
}
