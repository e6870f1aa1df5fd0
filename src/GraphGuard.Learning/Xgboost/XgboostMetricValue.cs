using System.Globalization;

namespace GraphGuard.Learning.Xgboost;

/// <summary>One metric on one evaluation set after a boosting round, as XGBoost reported it.</summary>
/// <param name="Set">The evaluation set's name (for example <c>valid</c>).</param>
/// <param name="Metric">The metric's XGBoost name (for example <c>aucpr</c>).</param>
/// <param name="Value">The metric's value.</param>
public readonly record struct XgboostMetricValue(string Set, string Metric, double Value)
{
    /// <summary>
    /// Parses XGBoost's evaluation line, <c>[12]\ttrain-auc:0.91\tvalid-auc:0.88</c>. XGBoost joins set and
    /// metric with a dash and metric names may hold one (<c>ndcg@3-</c>), so, as in XGBoost's Python package,
    /// the set name ends at the first dash.
    /// </summary>
    internal static XgboostMetricValue[] ParseEvaluation(string line)
    {
        string[] fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
        var values = new List<XgboostMetricValue>(fields.Length);
        foreach (string field in fields)
        {
            if (field.StartsWith('['))
            {
                continue;
            }

            int colon = field.LastIndexOf(':');
            int dash = field.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || dash > colon
                || !double.TryParse(field.AsSpan(colon + 1), CultureInfo.InvariantCulture, out double value))
            {
                throw new XgboostException($"Unexpected field '{field}' in XGBoost's evaluation line '{line}'.");
            }

            values.Add(new XgboostMetricValue(field[..dash], field[(dash + 1)..colon], value));
        }

        return [.. values];
    }
}
