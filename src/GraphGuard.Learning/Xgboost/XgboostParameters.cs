using System.Globalization;

namespace GraphGuard.Learning.Xgboost;

/// <summary>
/// Booster parameters with XGBoost's own names and defaults (https://xgboost.readthedocs.io/en/release_1.7.0/parameter.html),
/// except <see cref="TreeMethod"/> (hist) and <see cref="EvalMetrics"/> (AUC-PR, the fraud-detection measure).
/// </summary>
public sealed record XgboostParameters
{
    /// <summary><c>objective</c>.</summary>
    public string Objective { get; init; } = "binary:logistic";

    /// <summary><c>eta</c>, the learning rate.</summary>
    public double LearningRate { get; init; } = 0.3;

    /// <summary><c>max_depth</c>.</summary>
    public int MaxDepth { get; init; } = 6;

    /// <summary><c>min_child_weight</c>.</summary>
    public double MinChildWeight { get; init; } = 1;

    /// <summary><c>subsample</c>: fraction of rows each tree sees.</summary>
    public double Subsample { get; init; } = 1;

    /// <summary><c>colsample_bytree</c>: fraction of columns each tree sees.</summary>
    public double ColumnSampleByTree { get; init; } = 1;

    /// <summary><c>lambda</c>, L2 regularization on leaf weights.</summary>
    public double Lambda { get; init; } = 1;

    /// <summary><c>alpha</c>, L1 regularization on leaf weights.</summary>
    public double Alpha { get; init; }

    /// <summary><c>scale_pos_weight</c>: weight of positive examples (negatives / positives balances them).</summary>
    public double ScalePositiveWeight { get; init; } = 1;

    /// <summary><c>eval_metric</c>, in order; early stopping watches the last one.</summary>
    public IReadOnlyList<string> EvalMetrics { get; init; } = ["aucpr"];

    /// <summary><c>nthread</c>; 0 lets XGBoost use every core.</summary>
    public int Threads { get; init; }

    /// <summary><c>seed</c> for row and column sampling.</summary>
    public int Seed { get; init; }

    /// <summary><c>tree_method</c>.</summary>
    public string TreeMethod { get; init; } = "hist";

    /// <summary><c>max_bin</c>, histogram bins per feature for the hist method.</summary>
    public int MaxBins { get; init; } = 256;

    /// <summary>Any other parameter by its XGBoost name; set last, so it overrides the typed ones.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>The parameters as XGBoost name/value pairs, in the order they are set.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToPairs()
    {
        yield return Pair("objective", Objective);
        yield return Pair("eta", Format(LearningRate));
        yield return Pair("max_depth", Format(MaxDepth));
        yield return Pair("min_child_weight", Format(MinChildWeight));
        yield return Pair("subsample", Format(Subsample));
        yield return Pair("colsample_bytree", Format(ColumnSampleByTree));
        yield return Pair("lambda", Format(Lambda));
        yield return Pair("alpha", Format(Alpha));
        yield return Pair("scale_pos_weight", Format(ScalePositiveWeight));
        yield return Pair("nthread", Format(Threads));
        yield return Pair("seed", Format(Seed));
        yield return Pair("tree_method", TreeMethod);
        yield return Pair("max_bin", Format(MaxBins));

        // Each eval_metric setting appends a metric in XGBoost, which is how it takes a list.
        foreach (string metric in EvalMetrics)
        {
            yield return Pair("eval_metric", metric);
        }

        foreach (var pair in Extra)
        {
            yield return pair;
        }
    }

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
