namespace GraphGuard.Learning.Risk;

/// <summary>
/// Turns one account's SHAP contributions (XGBoost's <c>pred_contribs</c>: one per feature, then the bias) into
/// the few readable reasons that raised its risk most.
/// </summary>
public static class RiskReasons
{
    /// <summary>
    /// The <paramref name="count"/> reasons with the largest positive contributions, largest first (ties by
    /// key). Contributions of features that share a reason key (the embedding's dimensions) are summed; the
    /// bias and features that lowered the risk are never reasons.
    /// </summary>
    /// <param name="contributions">One per feature, then the bias (length = features + 1).</param>
    /// <param name="featureNames">The features, in column order.</param>
    /// <param name="values">The account's feature values, in column order.</param>
    /// <param name="count">How many reasons at most.</param>
    public static IReadOnlyList<RiskReason> Top(ReadOnlySpan<float> contributions, IReadOnlyList<string> featureNames, ReadOnlySpan<float> values, int count)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (contributions.Length != featureNames.Count + 1 || values.Length != featureNames.Count)
        {
            throw new ArgumentException($"{featureNames.Count} features need {featureNames.Count + 1} contributions (the bias last) and {featureNames.Count} values; got {contributions.Length} and {values.Length}");
        }
        var byKey = new Dictionary<string, (float Contribution, int Column)>(StringComparer.Ordinal);
        for (var c = 0; c < featureNames.Count; c++)
        {
            var key = RiskFeatureCatalogue.ReasonKey(featureNames[c]);
            byKey[key] = byKey.TryGetValue(key, out var sum) ? (sum.Contribution + contributions[c], sum.Column) : (contributions[c], c);
        }
        var top = byKey.Where(k => k.Value.Contribution > 0)
            .OrderByDescending(k => k.Value.Contribution)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(count);
        var reasons = new List<RiskReason>();
        foreach (var (key, (contribution, column)) in top)
        {
            var value = key == RiskFeatureCatalogue.EmbeddingReason ? float.NaN : values[column];
            reasons.Add(new RiskReason(key, value, contribution, RiskFeatureCatalogue.Describe(featureNames[column], value)));
        }
        return reasons;
    }
}
