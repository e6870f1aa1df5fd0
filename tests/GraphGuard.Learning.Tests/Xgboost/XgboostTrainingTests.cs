using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Tests.Xgboost;

/// <summary>Training through the real libxgboost: quality, early stopping, determinism.</summary>
public sealed class XgboostTrainingTests
{
    private static readonly XgboostParameters SmallTrees = new() { MaxDepth = 3, LearningRate = 0.3, Threads = 1 };

    [Test]
    public void Trains_a_separable_problem_to_a_high_auroc()
    {
        var trainData = SyntheticProblem.Linear(2000, 5, seed: 1);
        var testData = SyntheticProblem.Linear(1000, 5, seed: 2);
        using var train = trainData.ToMatrix();
        using var test = testData.ToMatrix();

        var result = XgboostTrainer.Train(train, null, new() { Parameters = SmallTrees, Rounds = 60 });
        using var booster = result.Booster;

        float[] probabilities = booster.Predict(test);
        Assert.That(booster.BoostedRounds, Is.EqualTo(60));
        Assert.That(probabilities, Has.Length.EqualTo(1000).And.All.InRange(0f, 1f));
        Assert.That(BinaryMetrics.Auroc(probabilities, IsPositive(testData.Labels)), Is.GreaterThan(0.99));
    }

    [Test]
    public void Early_stopping_stops_before_the_round_limit_at_the_best_validation_round()
    {
        // Noisy labels and deep trees: validation logloss falls, then rises as the trees fit the noise.
        using var train = SyntheticProblem.Linear(600, 5, seed: 3, flipRate: 0.3).ToMatrix();
        using var validation = SyntheticProblem.Linear(600, 5, seed: 4, flipRate: 0.3).ToMatrix();
        var parameters = SmallTrees with { MaxDepth = 8, MinChildWeight = 0, EvalMetrics = ["auc", "logloss"] };

        var result = XgboostTrainer.Train(
            train, validation, new() { Parameters = parameters, Rounds = 500, EarlyStoppingRounds = 10 });
        using var booster = result.Booster;

        double[] losses = [.. result.Evaluations.Select(e => e[^1].Value)];
        int best = Array.IndexOf(losses, losses.Min());
        Assert.That(result.Evaluations[0].Select(m => m.Metric), Is.EqualTo(new[] { "auc", "logloss" }));
        Assert.That(booster.BoostedRounds, Is.LessThan(500).And.EqualTo(best + 1 + 10));
        Assert.That(booster.BestIteration, Is.EqualTo(best));
        Assert.That(booster.BestScore, Is.EqualTo(losses[best]));
        Assert.That(booster.Predict(validation), Is.EqualTo(booster.Predict(validation, rounds: best + 1)));
        Assert.That(booster.Predict(validation), Is.Not.EqualTo(booster.Predict(validation, rounds: booster.BoostedRounds)));
    }

    [Test]
    public void Missing_values_are_left_to_xgboost_and_still_learned_around()
    {
        var data = SyntheticProblem.Linear(2000, 5, seed: 5, missingRate: 0.2);
        using var matrix = data.ToMatrix();
        Assert.That(matrix.NonMissingCount, Is.EqualTo(data.Values.Count(v => !float.IsNaN(v))));

        using var booster = XgboostTrainer.Train(matrix, null, new() { Parameters = SmallTrees, Rounds = 40 }).Booster;
        using var blank = XgboostMatrix.FromDense([float.NaN, float.NaN, float.NaN, float.NaN, float.NaN], 1, 5);

        Assert.That(BinaryMetrics.Auroc(booster.Predict(matrix), IsPositive(data.Labels)), Is.GreaterThan(0.9));
        Assert.That(float.IsFinite(booster.Predict(blank)[0]), Is.True);
    }

    [Test]
    public void The_same_seed_gives_the_same_model_and_another_seed_another()
    {
        using var train = SyntheticProblem.Linear(1000, 6, seed: 6, flipRate: 0.1).ToMatrix();
        var sampled = SmallTrees with { Subsample = 0.6, ColumnSampleByTree = 0.5 };

        float[] Fit(int seed)
        {
            var options = new XgboostTrainingOptions { Parameters = sampled with { Seed = seed }, Rounds = 20 };
            using var booster = XgboostTrainer.Train(train, null, options).Booster;
            return booster.PredictMargin(train);
        }

        float[] first = Fit(7);
        Assert.That(Fit(7), Is.EqualTo(first));
        Assert.That(Fit(8), Is.Not.EqualTo(first));
    }

    [Test]
    public void A_bad_parameter_value_fails_with_xgboosts_own_message()
    {
        using var train = SyntheticProblem.Linear(100, 3, seed: 9).ToMatrix();
        var options = new XgboostTrainingOptions
        {
            Parameters = SmallTrees with { Extra = new Dictionary<string, string> { ["max_depth"] = "deep" } },
        };

        var error = Assert.Throws<XgboostException>(() => XgboostTrainer.Train(train, null, options));
        Assert.That(error!.Message, Does.StartWith("XGBoosterUpdateOneIter failed: "));
        Assert.That(error.Message, Does.Contain("max_depth").And.Contain("deep"));
    }

    [Test]
    public void Early_stopping_without_a_validation_matrix_is_refused()
    {
        using var train = SyntheticProblem.Linear(100, 3, seed: 10).ToMatrix();
        Assert.Throws<ArgumentException>(() => XgboostTrainer.Train(train, null, new() { EarlyStoppingRounds = 5 }));
    }

    internal static bool[] IsPositive(float[] labels) => [.. labels.Select(l => l > 0.5f)];
}
