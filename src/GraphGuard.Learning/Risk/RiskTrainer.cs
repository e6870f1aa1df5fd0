using System.Diagnostics;
using GraphGuard.Core.Features;
using GraphGuard.Learning.Calibration;
using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// Trains the risk model: neighbour-label features, the GraphSAGE embedding (unsupervised, every account),
/// then XGBoost on the labeled accounts with a stratified split — fitted on one part, early-stopped on the
/// second, calibrated on the third (isotonic, or Platt scaling when few are held out).
/// </summary>
public static class RiskTrainer
{
    /// <summary>Features with the largest mean |SHAP| kept in the summary.</summary>
    private const int ImportanceCount = 15;

    /// <param name="input">Every account's features, relations and labels.</param>
    /// <param name="options">Settings.</param>
    /// <param name="version">The artifact's version, for its summary and card.</param>
    /// <param name="source">Where the data came from, for the summary and card.</param>
    /// <param name="progress">A line per stage and per embedding epoch.</param>
    /// <param name="cancellationToken">Checked between stages and embedding batches.</param>
    /// <returns>The model, and the full feature matrix of the input (to score it without rebuilding).</returns>
    public static (RiskModel Model, FeatureMatrix Features) Train(
        RiskInput input, RiskTrainingOptions options, string version, string source, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        Train(input, options, fitted: null, version, source, progress, cancellationToken);

    /// <summary>
    /// Trains with an embedding fitted beforehand on the same input (the pipeline's embeddings stage fits it and
    /// stores it, the train stage packages it), instead of fitting one from <see cref="RiskTrainingOptions.Embedding"/>.
    /// </summary>
    /// <param name="input">Every account's features, relations and labels.</param>
    /// <param name="options">Settings; its embedding settings are not used when <paramref name="fitted"/> is given.</param>
    /// <param name="fitted">The embedding, or null to fit one as <paramref name="options"/> says.</param>
    /// <param name="version">The artifact's version, for its summary and card.</param>
    /// <param name="source">Where the data came from, for the summary and card.</param>
    /// <param name="progress">A line per stage and per embedding epoch.</param>
    /// <param name="cancellationToken">Checked between stages and embedding batches.</param>
    public static (RiskModel Model, FeatureMatrix Features) Train(
        RiskInput input, RiskTrainingOptions options, RiskEmbedding? fitted, string version, string source, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        input.Validate();
        var seconds = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();
        var labeled = LabeledRows(input.Labels);
        var labels = labeled.Select(r => input.Labels[r]!.Value).ToArray();
        var positives = labels.Count(y => y);
        if (positives < 2 || labels.Length - positives < 2)
        {
            throw new ArgumentException($"training needs at least two accounts labeled abusive and two labeled benign; there are {positives} and {labels.Length - positives}");
        }

        var features = RiskFeatures.WithNeighborLabels(input);
        seconds["neighbor_labels"] = Lap(clock);
        progress?.Report($"neighbour labels: {labels.Length:N0} labeled accounts ({positives:N0} abusive) seen from their neighbours in {seconds["neighbor_labels"]:0.0} s");

        var embedding = fitted;
        RiskEmbeddingSummary? embeddingSummary = null;
        if (embedding is null && options.Embedding is { } sage)
        {
            var epochs = new CallbackProgress<SageEpoch>(e => progress?.Report($"embedding: epoch {e.Epoch}/{sage.Epochs}, loss {e.Loss:0.0000}, {e.Duration.TotalSeconds:0.0} s"));
            embedding = RiskEmbedding.Train(features, input.Relations.Graph, sage, epochs, cancellationToken, options.EmbeddingEngine);
            seconds["embedding_training"] = Lap(clock);
        }
        if (embedding is not null)
        {
            features = RiskFeatures.WithEmbedding(features, embedding, input.Relations.Graph, new SageInferenceOptions { CancellationToken = cancellationToken });
            seconds["embedding_inference"] = Lap(clock);
            progress?.Report($"embedding: {embedding.Model.EmbeddingDimension} dimensions for {features.RowCount:N0} accounts in {seconds["embedding_inference"]:0.0} s");
            embeddingSummary = new RiskEmbeddingSummary(
                embedding.Model.EmbeddingDimension, embedding.Scaler.Names.Length, embedding.Model.RelationNames, embedding.Model.LayerDims,
                [.. embedding.Model.History.Select(e => Math.Round(e.Loss, 5))], [.. embedding.Model.History.Select(e => Math.Round(e.Duration.TotalSeconds, 2))]);
        }
        cancellationToken.ThrowIfCancellationRequested();

        var split = DataSplit.Stratified(labels, options.Seed, options.TrainFraction, options.ValidationFraction);
        var (trainRows, validationRows, heldOutRows) = (Rows(labeled, split.Train), Rows(labeled, split.Validation), Rows(labeled, split.Test));
        var booster = Boost(features, input.Labels, trainRows, validationRows, options, out var roundsRun);
        try
        {
            seconds["xgboost"] = Lap(clock);
            var rounds = booster.BestIteration is { } best ? best + 1 : booster.BoostedRounds;
            progress?.Report($"xgboost: {rounds} rounds kept of {roundsRun} run on {trainRows.Length:N0} accounts in {seconds["xgboost"]:0.0} s");

            var heldOut = Margins(booster, features, heldOutRows);
            var heldOutLabels = Labels(input.Labels, heldOutRows);
            var heldOutPositives = heldOutLabels.Count(y => y);
            var heldOutNegatives = heldOutLabels.Length - heldOutPositives;
            IScoreCalibrator calibrator = Math.Min(heldOutPositives, heldOutNegatives) >= options.MinIsotonicClassCount
                ? Bounded(IsotonicCalibrator.Fit(heldOut, heldOutLabels), heldOutPositives, heldOutNegatives)
                : PlattCalibrator.Fit(heldOut, heldOutLabels);
            var summary = new RiskTrainingSummary
            {
                Version = version,
                TrainedAt = DateTime.UtcNow,
                Source = source,
                Accounts = features.RowCount,
                LabeledAbusive = positives,
                LabeledBenign = labels.Length - positives,
                Train = Measure(booster, features, input.Labels, trainRows, calibrator),
                Validation = Measure(booster, features, input.Labels, validationRows, calibrator),
                HeldOut = RiskSetMetrics.Measure(heldOut, heldOutLabels, calibrator),
                FeatureFamilies = Families(features.Names),
                Rounds = rounds,
                RoundsRun = roundsRun,
                Calibration = calibrator is IsotonicCalibrator ? "isotonic" : "platt",
                XgboostVersion = XgboostBooster.LibraryVersion.ToString(),
                BoosterParameters = options.Booster.ToPairs().GroupBy(p => p.Key).ToDictionary(g => g.Key, g => string.Join(",", g.Select(p => p.Value))),
                Embedding = embeddingSummary,
                TopFeatures = Importance(booster, features, input.Labels, heldOutRows),
                Seconds = seconds.ToDictionary(s => s.Key, s => Math.Round(s.Value, 2)),
            };
            progress?.Report($"calibration: {summary.Calibration} on {heldOutRows.Length:N0} held-out accounts; held-out AUROC {summary.HeldOut.Auroc:0.0000}, AUPRC {summary.HeldOut.Auprc:0.0000}");
            return (new RiskModel(booster, features.Names, embedding, calibrator, summary), features);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>The feature family a column belongs to, by its name.</summary>
    public static string FamilyOf(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature switch
        {
            _ when feature.StartsWith(RiskFeatureCatalogue.EmbeddingPrefix, StringComparison.Ordinal) => "embedding",
            _ when NeighborLabelFeatures.IsLabelDerived(feature) => "neighbor_labels",
            _ when feature.StartsWith("content_", StringComparison.Ordinal) => "content",
            _ when feature.StartsWith(RiskFeatureCatalogue.ProfilePrefix, StringComparison.Ordinal) => "profile",
            _ when DetectorPrefixes.Any(p => feature.StartsWith(p, StringComparison.Ordinal)) => "detectors",
            _ => "graph",
        };
    }

    private static readonly string[] DetectorPrefixes = ["infra_", "lockstep_", "burst_", "cluster_", "dup_", "dense_block_", "trust"];

    /// <summary>
    /// Isotonic regression on well separated held-out scores steps from exactly 0 to exactly 1, which no finite
    /// sample justifies; its values are kept within Platt's smoothed targets, 1/(N- + 2) and (N+ + 1)/(N+ + 2).
    /// </summary>
    private static IsotonicCalibrator Bounded(IsotonicCalibrator fit, int positives, int negatives)
    {
        double low = 1.0 / (negatives + 2), high = (positives + 1.0) / (positives + 2);
        return new IsotonicCalibrator(fit.Thresholds, [.. fit.Values.Select(v => Math.Clamp(v, low, high))]);
    }

    private static XgboostBooster Boost(FeatureMatrix features, IReadOnlyList<bool?> labels, int[] trainRows, int[] validationRows, RiskTrainingOptions options, out int roundsRun)
    {
        using var train = Matrix(features, labels, trainRows);
        using var validation = Matrix(features, labels, validationRows);
        var result = XgboostTrainer.Train(train, validation, new XgboostTrainingOptions
        {
            Parameters = options.Booster,
            Rounds = options.Rounds,
            EarlyStoppingRounds = options.EarlyStoppingRounds,
        });
        roundsRun = result.Evaluations.Count;
        return result.Booster;
    }

    private static XgboostMatrix Matrix(FeatureMatrix features, IReadOnlyList<bool?> labels, int[] rows)
    {
        var targets = rows.Select(r => labels[r]!.Value ? 1f : 0f).ToArray();
        return XgboostMatrix.FromDense(features.RowsOf(rows), rows.Length, features.ColumnCount, targets, featureNames: features.Names);
    }

    private static float[] Margins(XgboostBooster booster, FeatureMatrix features, int[] rows)
    {
        using var matrix = XgboostMatrix.FromDense(features.RowsOf(rows), rows.Length, features.ColumnCount, featureNames: features.Names);
        return booster.PredictMargin(matrix);
    }

    private static RiskSetMetrics Measure(XgboostBooster booster, FeatureMatrix features, IReadOnlyList<bool?> labels, int[] rows, IScoreCalibrator calibrator) =>
        RiskSetMetrics.Measure(Margins(booster, features, rows), Labels(labels, rows), calibrator);

    private static List<RiskFeatureImportance> Importance(XgboostBooster booster, FeatureMatrix features, IReadOnlyList<bool?> labels, int[] rows)
    {
        using var matrix = XgboostMatrix.FromDense(features.RowsOf(rows), rows.Length, features.ColumnCount, featureNames: features.Names);
        var contributions = booster.PredictContributions(matrix);
        var width = features.ColumnCount + 1;
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            // Reasons group per row first (the embedding's dimensions offset each other), then |.| is taken.
            var perRow = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var c = 0; c < features.ColumnCount; c++)
            {
                var key = RiskFeatureCatalogue.ReasonKey(features.Names[c]);
                perRow[key] = perRow.GetValueOrDefault(key) + contributions[(i * width) + c];
            }
            foreach (var (key, value) in perRow)
            {
                sums[key] = sums.GetValueOrDefault(key) + Math.Abs(value);
            }
        }
        var abusive = rows.Where(r => labels[r] == true).ToArray();
        return [.. sums.Where(s => s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(ImportanceCount)
            .Select(s => new RiskFeatureImportance(s.Key, Math.Round(s.Value / Math.Max(1, rows.Length), 4), MedianOf(features, s.Key, abusive)))];
    }

    private static float MedianOf(FeatureMatrix features, string key, int[] rows)
    {
        if (key == RiskFeatureCatalogue.EmbeddingReason || rows.Length == 0)
        {
            return float.NaN;
        }
        var column = features.Column(key);
        var values = rows.Select(r => features.Values[((long)r * features.ColumnCount) + column]).Where(v => !float.IsNaN(v)).Order().ToArray();
        return values.Length == 0 ? float.NaN : values[values.Length / 2];
    }

    private static Dictionary<string, int> Families(IReadOnlyList<string> names) =>
        names.GroupBy(FamilyOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    private static int[] LabeledRows(IReadOnlyList<bool?> labels) => [.. Enumerable.Range(0, labels.Count).Where(r => labels[r] is not null)];

    private static int[] Rows(int[] labeled, int[] positions) => [.. positions.Select(p => labeled[p])];

    private static bool[] Labels(IReadOnlyList<bool?> labels, int[] rows) => [.. rows.Select(r => labels[r]!.Value)];

    private static double Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return elapsed;
    }

}
