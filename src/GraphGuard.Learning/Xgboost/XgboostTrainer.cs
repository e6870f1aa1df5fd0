namespace GraphGuard.Learning.Xgboost;

/// <summary>
/// XGBoost's training loop (what <c>xgboost.train</c> does in Python): one <c>XGBoosterUpdateOneIter</c> per
/// round, then <c>XGBoosterEvalOneIter</c> on the validation set with early stopping on its last metric.
/// </summary>
public static class XgboostTrainer
{
    /// <summary>The name the validation set carries in XGBoost's evaluation lines.</summary>
    public const string ValidationSetName = "valid";

    // Metric-name prefixes XGBoost's Python package maximizes in early stopping (callback.py, 1.7).
    private static readonly string[] MaximizedMetrics = ["auc", "aucpr", "map", "ndcg"];

    /// <summary>
    /// Trains a booster on <paramref name="train"/> (its labels are the targets). With a validation matrix,
    /// evaluates after each round; with <see cref="XgboostTrainingOptions.EarlyStoppingRounds"/>, stops once the
    /// last metric has not improved for that many rounds and records the best round on the booster, whose
    /// predictions then use the rounds up to it. Without validation this is exactly
    /// <see cref="XgboostTrainingOptions.Rounds"/> update calls, which is what to time against XGBoost's CLI.
    /// </summary>
    public static XgboostTrainingResult Train(
        XgboostMatrix train, XgboostMatrix? validation, XgboostTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Rounds);
        if (options.EarlyStoppingRounds is { } patience)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience);
            if (validation is null)
            {
                throw new ArgumentException("Early stopping needs a validation matrix.", nameof(validation));
            }
        }

        XgboostMatrix[] cache = validation is null ? [train] : [train, validation];
        var booster = XgboostBooster.Create(options.Parameters, cache);
        try
        {
            var evaluations = Boost(booster, train, validation, options);
            return new XgboostTrainingResult(booster, evaluations);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    private static List<IReadOnlyList<XgboostMetricValue>> Boost(
        XgboostBooster booster, XgboostMatrix train, XgboostMatrix? validation, XgboostTrainingOptions options)
    {
        var evaluations = new List<IReadOnlyList<XgboostMetricValue>>();
        KeyValuePair<string, XgboostMatrix>[] sets = validation is null ? [] : [new(ValidationSetName, validation)];
        int bestRound = -1;
        double bestScore = 0;
        bool maximize = false;
        for (int round = 0; round < options.Rounds; round++)
        {
            booster.UpdateOneIteration(round, train);
            if (sets.Length == 0)
            {
                continue;
            }

            var metrics = booster.EvaluateOneIteration(round, sets);
            evaluations.Add(metrics);
            if (options.EarlyStoppingRounds is not { } patience || metrics.Length == 0)
            {
                continue;
            }

            // As XGBoost's EarlyStopping callback: the last metric decides, only a strict improvement counts.
            var watched = metrics[^1];
            if (bestRound < 0)
            {
                maximize = options.MaximizeMetric ?? IsMaximized(watched.Metric);
            }

            if (bestRound < 0 || (maximize ? watched.Value > bestScore : watched.Value < bestScore))
            {
                bestRound = round;
                bestScore = watched.Value;
                booster.RecordBest(bestRound, bestScore);
            }
            else if (round - bestRound >= patience)
            {
                break;
            }
        }

        return evaluations;
    }

    private static bool IsMaximized(string metric) =>
        metric != "mape" && MaximizedMetrics.Any(m => metric.StartsWith(m, StringComparison.Ordinal));
}
