using System.Text;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Tests.Xgboost;

/// <summary>Predictions, SHAP contributions, model files and handle ownership through the real libxgboost.</summary>
public sealed class XgboostBoosterTests
{
    private static readonly string[] Names = ["shared_devices", "account_age", "post_rate", "flag_share"];

    private SyntheticProblem _data = null!;
    private XgboostMatrix _matrix = null!;
    private XgboostBooster _booster = null!;

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _data = SyntheticProblem.Linear(800, Names.Length, seed: 11, flipRate: 0.05, missingRate: 0.05);
        _matrix = _data.ToMatrix(Names);
        using var validation = SyntheticProblem.Linear(400, Names.Length, seed: 12, flipRate: 0.05).ToMatrix(Names);
        var options = new XgboostTrainingOptions
        {
            Parameters = new() { MaxDepth = 4, Threads = 1 },
            Rounds = 200,
            EarlyStoppingRounds = 5,
        };
        _booster = XgboostTrainer.Train(_matrix, validation, options).Booster;
    }

    [OneTimeTearDown]
    public void Free()
    {
        _booster.Dispose();
        _matrix.Dispose();
    }

    [Test]
    public void Library_is_xgboost_1_7() => Assert.That(XgboostBooster.LibraryVersion.ToString(2), Is.EqualTo("1.7"));

    [Test]
    public void Shap_contributions_of_a_row_sum_to_its_margin()
    {
        float[] contributions = _booster.PredictContributions(_matrix);
        float[] margins = _booster.PredictMargin(_matrix);

        int width = Names.Length + 1;
        Assert.That(contributions, Has.Length.EqualTo(_data.Rows * width));
        for (int r = 0; r < _data.Rows; r++)
        {
            double sum = contributions.AsSpan(r * width, width).ToArray().Sum(c => (double)c);
            Assert.That(sum, Is.EqualTo(margins[r]).Within(1e-4), $"row {r}");
        }
    }

    [Test]
    public void Probabilities_are_the_logistic_of_margins()
    {
        float[] probabilities = _booster.Predict(_matrix);
        float[] margins = _booster.PredictMargin(_matrix);
        for (int r = 0; r < _data.Rows; r++)
        {
            Assert.That(probabilities[r], Is.EqualTo(1 / (1 + Math.Exp(-margins[r]))).Within(1e-6));
        }
    }

    [Test]
    public void Json_model_loads_back_with_the_same_predictions_names_and_best_round()
    {
        byte[] json = _booster.SaveJson();
        using var loaded = XgboostBooster.LoadJson(json);

        Assert.That(Encoding.UTF8.GetString(json), Does.StartWith("{").And.Contain("\"shared_devices\""));
        Assert.That(loaded.Predict(_matrix), Is.EqualTo(_booster.Predict(_matrix)));
        Assert.That(loaded.PredictContributions(_matrix), Is.EqualTo(_booster.PredictContributions(_matrix)));
        Assert.That(loaded.FeatureNames, Is.EqualTo(Names));
        Assert.That(loaded.BestIteration, Is.EqualTo(_booster.BestIteration).And.Not.Null);
        Assert.That(loaded.BestScore, Is.EqualTo(_booster.BestScore));
        Assert.That(loaded.BoostedRounds, Is.EqualTo(_booster.BoostedRounds));
        Assert.That(loaded.FeatureCount, Is.EqualTo(Names.Length));
    }

    [Test]
    public void Json_model_file_loads_back_with_the_same_predictions()
    {
        string path = Path.Combine(Path.GetTempPath(), $"graphguard-xgb-{Guid.NewGuid():N}.json");
        try
        {
            _booster.SaveFile(path);
            using var loaded = XgboostBooster.LoadFile(path);

            Assert.That(File.ReadAllBytes(path), Is.EqualTo(_booster.SaveJson()));
            Assert.That(loaded.Predict(_matrix), Is.EqualTo(_booster.Predict(_matrix)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Feature_names_round_trip_through_the_matrix_and_the_booster()
    {
        Assert.That(_matrix.FeatureNames, Is.EqualTo(Names));
        Assert.That(_booster.FeatureNames, Is.EqualTo(Names));
        using var unnamed = XgboostMatrix.FromDense([1f, 2f], 1, 2);
        Assert.That(unnamed.FeatureNames, Is.Empty);
    }

    [Test]
    public void A_matrix_with_other_feature_names_is_refused()
    {
        using var shuffled = XgboostMatrix.FromDense(
            new float[Names.Length], 1, Names.Length, featureNames: [.. Names.Reverse()]);
        Assert.Throws<ArgumentException>(() => _booster.Predict(shuffled));
    }

    [Test]
    public void A_matrix_with_another_column_count_is_refused([Values(2, 6)] int columns)
    {
        using var other = XgboostMatrix.FromDense(new float[columns], 1, columns);
        Assert.Throws<ArgumentException>(() => _booster.Predict(other));
    }

    [Test]
    public void Labels_and_weights_are_kept_per_row()
    {
        using var matrix = XgboostMatrix.FromDense([1f, 2f, 3f, 4f, 5f, 6f], 3, 2, labels: [0f, 1f, 1f], weights: [1f, 2f, 0.5f]);

        Assert.That(matrix.Rows, Is.EqualTo(3));
        Assert.That(matrix.Columns, Is.EqualTo(2));
        Assert.That(matrix.GetLabels(), Is.EqualTo(new[] { 0f, 1f, 1f }));
        Assert.That(matrix.GetWeights(), Is.EqualTo(new[] { 1f, 2f, 0.5f }));
        Assert.Throws<ArgumentException>(() => matrix.SetLabels([1f]));
        Assert.Throws<ArgumentException>(() => XgboostMatrix.FromDense([1f, 2f, 3f], 2, 2));
    }

    [Test]
    public void A_feature_name_count_other_than_the_columns_fails_with_xgboosts_message()
    {
        var error = Assert.Throws<XgboostException>(
            () => XgboostMatrix.FromDense([1f, 2f], 1, 2, featureNames: ["a", "b", "c"]));
        Assert.That(error!.Message, Does.StartWith("XGDMatrixSetStrFeatureInfo failed: "));
    }

    [Test]
    public void Disposing_twice_is_safe_and_use_after_dispose_is_refused()
    {
        var matrix = XgboostMatrix.FromDense([1f, 2f], 1, 2, labels: [1f]);
        var booster = XgboostBooster.Create(new XgboostParameters(), [matrix]);

        booster.Dispose();
        booster.Dispose();
        matrix.Dispose();
        matrix.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _ = matrix.Rows);
        Assert.Throws<ObjectDisposedException>(() => _ = booster.BoostedRounds);
    }

    [Test]
    public void Evaluation_lines_parse_into_set_metric_and_value()
    {
        var values = XgboostMetricValue.ParseEvaluation("[3]\tvalid-auc:0.91\tvalid-ndcg@3-:0.5\tvalid-logloss:0.25");
        Assert.That(values, Is.EqualTo(new XgboostMetricValue[]
        {
            new("valid", "auc", 0.91), new("valid", "ndcg@3-", 0.5), new("valid", "logloss", 0.25),
        }));
    }
}
