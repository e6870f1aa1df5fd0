using GraphGuard.Core.Features;

namespace GraphGuard.Learning.Evaluation;

/// <summary>Side-by-side joins of dense feature matrices.</summary>
internal static class FeatureBlocks
{
    /// <summary>The columns of every part, left to right; all parts share the same rows.</summary>
    public static FeatureMatrix Join(params IReadOnlyList<FeatureMatrix> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("nothing to join", nameof(parts));
        }
        var rows = parts[0].RowCount;
        if (parts.FirstOrDefault(p => p.RowCount != rows) is { } odd)
        {
            throw new ArgumentException($"a part has {odd.RowCount} rows, the first {rows}", nameof(parts));
        }
        var width = parts.Sum(p => p.ColumnCount);
        var values = new float[(long)rows * width];
        Parallel.For(0, rows, r =>
        {
            var at = values.AsSpan(r * width, width);
            foreach (var part in parts)
            {
                part.Row(r).CopyTo(at);
                at = at[part.ColumnCount..];
            }
        });
        return new FeatureMatrix([.. parts.SelectMany(p => p.Names)], parts[0].AccountIds, values);
    }
}
