using GraphGuard.Core.Features;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Evaluation;

/// <summary>Trains XGBoost on a split's training rows, early-stopped on its validation rows, and scores both held-out parts.</summary>
internal static class XgboostScoring
{
    public static SplitScores TrainAndScore(FeatureMatrix features, bool[] labels, DataSplit split, XgboostTrainingOptions options)
    {
        using var train = Matrix(features, labels, split.Train);
        using var validation = Matrix(features, labels, split.Validation);
        using var test = Matrix(features, labels, split.Test);
        var result = XgboostTrainer.Train(train, validation, options);
        using var booster = result.Booster;
        return new SplitScores(booster.Predict(validation), booster.Predict(test));
    }

    private static XgboostMatrix Matrix(FeatureMatrix features, bool[] labels, int[] rows)
    {
        float[] targets = [.. rows.Select(r => labels[r] ? 1f : 0f)];
        return XgboostMatrix.FromDense(features.RowsOf(rows), rows.Length, features.ColumnCount, targets, featureNames: features.Names);
    }
}
