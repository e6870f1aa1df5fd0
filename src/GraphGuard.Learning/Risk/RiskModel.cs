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
    public FeatureMatrix Features(RiskInput input, out IReadOnlyList<string> missing, SageInferenceOptions? options = null) =>
        Features(input, out missing, features => Embedding!.Embed(features, input.Relations.Graph, options));

    /// <summary>
    /// As <see cref="Features(RiskInput, out IReadOnlyList{string}, SageInferenceOptions?)"/>, with this model's
    /// embedding of the input already computed (<paramref name="embedding"/>: its <see cref="RiskEmbedding.Names"/>
    /// columns, rows as the input's), so GraphSAGE inference is not run again.
    /// </summary>
    /// <exception cref="ArgumentException">The embedding's columns or rows are not this model's or the input's.</exception>
    public FeatureMatrix Features(RiskInput input, FeatureMatrix embedding, out IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(embedding);
        var names = Embedding?.Names ?? [];
        if (!embedding.Names.SequenceEqual(names) || !embedding.AccountIds.AsSpan().SequenceEqual(input.Features.AccountIds))
        {
            throw new ArgumentException($"the embedding has columns [{string.Join(", ", embedding.Names)}] over {embedding.RowCount} accounts; the model embeds [{string.Join(", ", names)}] and the input has {input.Features.RowCount} accounts in its own order", nameof(embedding));
        }
        return Features(input, out missing, _ => RiskFeatureColumns.Of(embedding));
    }

    private FeatureMatrix Features(RiskInput input, out IReadOnlyList<string> missing, Func<FeatureMatrix, IEnumerable<(string Name, float[] Values)>> embed)
    {
        var features = RiskFeatures.WithNeighborLabels(input);
        var embedded = Embedding is null ? (IReadOnlySet<string>)new HashSet<string>() : new HashSet<string>(Embedding.Names, StringComparer.Ordinal);
        var beforeEmbedding = FeatureNames.Where(n => !embedded.Contains(n)).ToList();
        features = RiskFeatures.Align(features, beforeEmbedding, out missing);
        if (Embedding is not null)
        {
            features = RiskFeatureColumns.Combine(features.AccountIds, RiskFeatureColumns.Of(features).Concat(embed(features)));
        }
        return RiskFeatures.Align(features, FeatureNames, out _);
    }

    /// <summary>The booster's log-odds for every row of a full feature matrix (see <see cref="Features(RiskInput, out IReadOnlyList{string}, SageInferenceOptions?)"/>).</summary>
    public float[] Margins(FeatureMatrix features)
    {
        using var matrix = Matrix(features);
        return _booster.PredictMargin(matrix);
    }

    /// <summary>Scores every row: calibrated probability, log-odds, and up to <paramref name="reasons"/> reasons each.</summary>
    /// <param name="features">The full feature matrix (see <see cref="Features(RiskInput, out IReadOnlyList{string}, SageInferenceOptions?)"/>).</param>
    /// <param name="reasons">Reasons per account; 0 skips SHAP, which is most of the cost.</param>
    /// <param name="explain">
    /// Which accounts get reasons, by calibrated probability (null: all). SHAP runs only for those, so
    /// explaining the few risky accounts of a large population costs a fraction of explaining all.
    /// </param>
    /// <param name="chunkRows">Rows per SHAP call, bounding its memory to chunk × (features + 1) floats.</param>
    public RiskScore[] Score(FeatureMatrix features, int reasons = 3, Func<float, bool>? explain = null, int chunkRows = 50_000)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkRows);
        var margins = Margins(features);
        var probabilities = new float[features.RowCount];
        Parallel.For(0, probabilities.Length, r => probabilities[r] = Calibrator.Calibrate(margins[r]));
        var explained = reasons == 0 ? []
            : explain is null ? Enumerable.Range(0, features.RowCount).ToArray()
            : Enumerable.Range(0, features.RowCount).Where(r => explain(probabilities[r])).ToArray();
        var why = new IReadOnlyList<RiskReason>[features.RowCount];
        var width = features.ColumnCount;
        for (var start = 0; start < explained.Length; start += chunkRows)
        {
            var rows = explained.AsSpan(start, Math.Min(chunkRows, explained.Length - start)).ToArray();
            using var chunk = XgboostMatrix.FromDense(features.RowsOf(rows), rows.Length, width, featureNames: FeatureNames);
            var contributions = _booster.PredictContributions(chunk);
            Parallel.For(0, rows.Length, i =>
                why[rows[i]] = RiskReasons.Top(contributions.AsSpan(i * (width + 1), width + 1), FeatureNames, features.Row(rows[i]), reasons));
        }
        var scores = new RiskScore[features.RowCount];
        for (var r = 0; r < scores.Length; r++)
        {
            scores[r] = new RiskScore(r, probabilities[r], margins[r], why[r] ?? []);
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
