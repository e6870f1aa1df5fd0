using GraphGuard.Core.Features;
using GraphGuard.Learning.Calibration;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// A trained risk model: the booster over the risk features, the embedding that makes part of them, and the
/// calibration that turns the booster's log-odds into a probability. <see cref="RiskTrainer"/> makes one;
/// <see cref="RiskArtifact"/> saves and loads it.
/// </summary>
public sealed class RiskModel : IDisposable
{
    private readonly XgboostBooster _booster;

    public RiskModel(XgboostBooster booster, IReadOnlyList<string> featureNames, RiskEmbedding? embedding, IScoreCalibrator calibrator, RiskTrainingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(booster);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(calibrator);
        ArgumentNullException.ThrowIfNull(summary);
        if (booster.FeatureCount != featureNames.Count)
        {
            throw new ArgumentException($"the booster takes {booster.FeatureCount} features; {featureNames.Count} are named");
        }
        _booster = booster;
        FeatureNames = featureNames;
        Embedding = embedding;
        Calibrator = calibrator;
        Summary = summary;
    }

    /// <summary>The booster's input columns, in order: input features, neighbour labels, embedding.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The GraphSAGE embedding, or null when the model was trained without one.</summary>
    public RiskEmbedding? Embedding { get; }

    /// <summary>Log-odds to probability.</summary>
    public IScoreCalibrator Calibrator { get; }

    /// <summary>What it was trained on and how it did.</summary>
    public RiskTrainingSummary Summary { get; }

    internal XgboostBooster Booster => _booster;

    /// <summary>
    /// The full feature matrix of an input, in <see cref="FeatureNames"/> order: features the input lacks are
    /// missing values, and are listed in <paramref name="missing"/>.
    /// </summary>
    public FeatureMatrix Features(RiskInput input, out IReadOnlyList<string> missing, SageInferenceOptions? options = null)
    {
        var features = RiskFeatures.WithNeighborLabels(input);
        var embedded = Embedding is null ? (IReadOnlySet<string>)new HashSet<string>() : new HashSet<string>(Embedding.Names, StringComparer.Ordinal);
        var beforeEmbedding = FeatureNames.Where(n => !embedded.Contains(n)).ToList();
        features = RiskFeatures.Align(features, beforeEmbedding, out missing);
        if (Embedding is not null)
        {
            features = RiskFeatures.WithEmbedding(features, Embedding, input.Relations.Graph, options);
        }
        return RiskFeatures.Align(features, FeatureNames, out _);
    }

    /// <summary>The booster's log-odds for every row of a full feature matrix (see <see cref="Features"/>).</summary>
    public float[] Margins(FeatureMatrix features)
    {
        using var matrix = Matrix(features);
        return _booster.PredictMargin(matrix);
    }

    /// <summary>Scores every row: calibrated probability, log-odds, and up to <paramref name="reasons"/> reasons each.</summary>
    /// <param name="features">The full feature matrix (see <see cref="Features"/>).</param>
    /// <param name="reasons">Reasons per account; 0 skips SHAP, which is most of the cost.</param>
    /// <param name="chunkRows">Rows per SHAP call, bounding its memory to chunk × (features + 1) floats.</param>
    public RiskScore[] Score(FeatureMatrix features, int reasons = 3, int chunkRows = 50_000)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkRows);
        var margins = Margins(features);
        var scores = new RiskScore[features.RowCount];
        var width = features.ColumnCount;
        for (var start = 0; start < features.RowCount; start += chunkRows)
        {
            var count = Math.Min(chunkRows, features.RowCount - start);
            float[]? contributions = null;
            if (reasons > 0)
            {
                using var chunk = XgboostMatrix.FromDense(features.Values.AsSpan(start * width, count * width), count, width, featureNames: FeatureNames);
                contributions = _booster.PredictContributions(chunk);
            }
            Parallel.For(0, count, i =>
            {
                var row = start + i;
                var why = contributions is null
                    ? []
                    : RiskReasons.Top(contributions.AsSpan(i * (width + 1), width + 1), FeatureNames, features.Row(row), reasons);
                scores[row] = new RiskScore(row, Calibrator.Calibrate(margins[row]), margins[row], why);
            });
        }
        return scores;
    }

    public void Dispose() => _booster.Dispose();

    private XgboostMatrix Matrix(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (!features.Names.SequenceEqual(FeatureNames))
        {
            throw new ArgumentException("the matrix's columns are not the model's features; build it with Features()", nameof(features));
        }
        return XgboostMatrix.FromDense(features.Values, features.RowCount, features.ColumnCount, featureNames: FeatureNames);
    }
}
