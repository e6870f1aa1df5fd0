using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace GraphGuard.Learning.Content;

/// <summary>
/// A binary text classifier on ML.NET: TF-IDF over word uni- and bigrams, L2-normalized, into logistic
/// regression fitted by L-BFGS on one thread, so the same verdicts give the same model. Character 4-grams and
/// stronger regularization were tried on the generator's verdicts and did no better (docs/evaluation.md). Its
/// probability is the logistic link of the margin; <see cref="TextModelCard"/> reports its Brier score on
/// held-out verdicts.
/// </summary>
public sealed class TextClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;

    private TextClassifier(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
    }

    /// <summary>Trains on <paramref name="texts"/> and whether each is a positive (breaks the policy).</summary>
    public static TextClassifier Train(IReadOnlyList<string> texts, ReadOnlySpan<bool> labels, int seed = 1)
    {
        if (texts.Count != labels.Length || texts.Count == 0)
        {
            throw new ArgumentException($"{texts.Count} texts and {labels.Length} labels: need as many, and some.");
        }
        var ml = new MLContext(seed);
        var rows = new TextRow[texts.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new TextRow { Text = texts[i], Label = labels[i] };
        }
        var data = ml.Data.LoadFromEnumerable(rows);
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", featurize, nameof(TextRow.Text))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(TextRow.Label),
                FeatureColumnName = "Features",
                NumberOfThreads = 1,
                L1Regularization = 0,
                L2Regularization = 0.1f,
                OptimizationTolerance = 1e-7f,
            }));
        return new TextClassifier(ml, pipeline.Fit(data), data.Schema);
    }

    /// <summary>The probability that each text breaks the policy.</summary>
    public float[] Predict(IReadOnlyList<string> texts)
    {
        var input = _ml.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = t }));
        var scored = _model.Transform(input);
        var result = new float[texts.Count];
        int i = 0;
        foreach (var row in _ml.Data.CreateEnumerable<TextScore>(scored, reuseRowObject: true))
        {
            result[i++] = float.IsFinite(row.Probability) ? row.Probability : 0f;
        }
        return result;
    }

    /// <summary>Writes the whole model (featurizer and weights) as ML.NET's zip.</summary>
    public void Save(Stream stream) => _ml.Model.Save(_model, _schema, stream);

    public static TextClassifier Load(Stream stream)
    {
        var ml = new MLContext(1);
        var model = ml.Model.Load(stream, out var schema);
        return new TextClassifier(ml, model, schema);
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = "";

        public bool Label { get; set; }
    }

    private sealed class TextScore
    {
        [ColumnName("Probability")]
        public float Probability { get; set; }
    }
}
