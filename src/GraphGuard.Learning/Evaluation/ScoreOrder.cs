namespace GraphGuard.Learning.Evaluation;

/// <summary>Scores sorted ascending, each carrying its row's value (a label or a target) along.</summary>
internal static class ScoreOrder
{
    /// <summary>Copies and sorts; ties stay together in no particular order, which the callers group anyway.</summary>
    public static (float[] Scores, T[] Values) Ascending<T>(ReadOnlySpan<float> scores, ReadOnlySpan<T> values)
    {
        if (scores.Length != values.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {values.Length} values.", nameof(values));
        }

        float[] keys = scores.ToArray();
        if (Array.Exists(keys, float.IsNaN))
        {
            throw new ArgumentException("Scores must not be NaN.", nameof(scores));
        }

        T[] sorted = values.ToArray();
        Array.Sort(keys, sorted);
        return (keys, sorted);
    }
}
