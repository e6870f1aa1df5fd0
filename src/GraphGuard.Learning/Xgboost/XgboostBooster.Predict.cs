using System.Globalization;
using System.Runtime.InteropServices;

namespace GraphGuard.Learning.Xgboost;

public sealed partial class XgboostBooster
{
    // The "type" field of XGBoosterPredictFromDMatrix's JSON config (c_api.h).
    private enum PredictionType
    {
        Value = 0,
        Margin = 1,
        Contributions = 2,
    }

    /// <summary>
    /// Predicts with the objective's transform applied (probabilities for <c>binary:logistic</c>), one value
    /// per row. Uses the first <paramref name="rounds"/> rounds; by default those up to
    /// <see cref="BestIteration"/> when training stopped early, else all.
    /// </summary>
    public float[] Predict(XgboostMatrix data, int? rounds = null) => Run(data, PredictionType.Value, rounds);

    /// <summary>Predicts untransformed margins (log-odds for <c>binary:logistic</c>), one value per row.</summary>
    public float[] PredictMargin(XgboostMatrix data, int? rounds = null) => Run(data, PredictionType.Margin, rounds);

    /// <summary>
    /// SHAP contributions (TreeSHAP, <c>pred_contribs</c>): row-major, <c>rows x (columns + 1)</c>, the last
    /// value of a row being the bias. A row sums to its margin.
    /// </summary>
    public float[] PredictContributions(XgboostMatrix data, int? rounds = null) =>
        Run(data, PredictionType.Contributions, rounds);

    private unsafe float[] Run(XgboostMatrix data, PredictionType type, int? rounds)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFeatures(data);
        int end = rounds ?? (BestIteration is { } best ? best + 1 : 0);
        ArgumentOutOfRangeException.ThrowIfNegative(end, nameof(rounds));

        // iteration_end 0 means every round; strict_shape false gives rows (x columns + 1 for contributions).
        string config = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"type\":{(int)type},\"training\":false,\"iteration_begin\":0,\"iteration_end\":{end}," +
            $"\"strict_shape\":false}}");
        XgboostNative.Check(XgboostNative.XGBoosterPredictFromDMatrix(
            Handle, data.Handle, config, out nint shape, out ulong dimensions, out nint result));

        long length = 1;
        for (ulong d = 0; d < dimensions; d++)
        {
            length *= checked((long)((ulong*)shape)[d]);
        }

        // The result lives in the booster until its next prediction, so it is copied out.
        var values = new float[checked((int)length)];
        if (values.Length > 0)
        {
            Marshal.Copy(result, values, 0, values.Length);
        }

        return values;
    }

    // XGBoost 1.7 takes fewer columns than the model has (sparse rows) and never compares names, so a dense
    // matrix built for another feature list would score silently wrong. The column count must match, and the
    // names too when both sides have them (as XGBoost's Python package checks).
    private void CheckFeatures(XgboostMatrix data)
    {
        int expected = FeatureCount;
        if (BoostedRounds > 0 && data.Columns != expected)
        {
            throw new ArgumentException(
                $"The model takes {expected} features; the matrix has {data.Columns}.", nameof(data));
        }

        var model = FeatureNames;
        var given = data.FeatureNames;
        if (model.Count > 0 && given.Count > 0 && !model.SequenceEqual(given))
        {
            var missing = model.Except(given).Take(5);
            throw new ArgumentException(
                "The matrix's feature names differ from the model's (model features not in the matrix: " +
                string.Join(", ", missing) + ").",
                nameof(data));
        }
    }
}
