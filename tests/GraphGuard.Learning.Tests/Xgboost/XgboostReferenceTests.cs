using System.Text.Json;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Tests.Xgboost;

/// <summary>The binding against XGBoost's Python package on one run (fixture from Reference/make_training.py).</summary>
public sealed class XgboostReferenceTests
{
    [Test]
    public void Training_with_early_stopping_reproduces_xgboost_train_in_python()
    {
        var fixture = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "Xgboost", "Reference", "fixtures", "training.json"))).RootElement;
        int columns = fixture.GetProperty("columns").GetInt32();
        string[] names = [.. fixture.GetProperty("names").EnumerateArray().Select(n => n.GetString()!)];
        using var train = Matrix(fixture.GetProperty("train"), columns, names);
        using var validation = Matrix(fixture.GetProperty("valid"), columns, names);
        var options = new XgboostTrainingOptions
        {
            // The typed names for what make_training.py passes as PARAMS.
            Parameters = new()
            {
                LearningRate = 0.3,
                MaxDepth = 6,
                Subsample = 0.8,
                ColumnSampleByTree = 0.8,
                Threads = 1,
                Seed = 3,
                EvalMetrics = ["auc", "logloss"],
            },
            Rounds = fixture.GetProperty("rounds").GetInt32(),
            EarlyStoppingRounds = fixture.GetProperty("early_stopping_rounds").GetInt32(),
        };

        using var booster = XgboostTrainer.Train(train, validation, options).Booster;

        Assert.That(booster.BestIteration, Is.EqualTo(fixture.GetProperty("best_iteration").GetInt32()));
        Assert.That(booster.BestScore, Is.EqualTo(fixture.GetProperty("best_score").GetDouble()).Within(1e-12));
        Assert.That(booster.BoostedRounds, Is.EqualTo(fixture.GetProperty("boosted_rounds").GetInt32()));
        Assert.That(booster.Predict(validation), Is.EqualTo(Floats(fixture.GetProperty("probabilities"))).Within(1e-7));
        Assert.That(
            booster.PredictContributions(validation),
            Is.EqualTo(Floats(fixture.GetProperty("contributions"))).Within(1e-6));
    }

    private static XgboostMatrix Matrix(JsonElement set, int columns, string[] names)
    {
        // Missing values are JSON nulls.
        float[] values = [.. set.GetProperty("values").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? float.NaN : v.GetSingle())];
        float[] labels = Floats(set.GetProperty("labels"));
        return XgboostMatrix.FromDense(values, labels.Length, columns, labels, featureNames: names);
    }

    private static float[] Floats(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetSingle())];
}
