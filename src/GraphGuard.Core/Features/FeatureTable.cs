namespace GraphGuard.Core.Features;

/// <summary>Columns of features filled one family at a time, then frozen into a <see cref="FeatureMatrix"/>.</summary>
public sealed class FeatureTable(int[] accountIds)
{
    private readonly List<(string Name, float[] Values)> _columns = [];

    public int RowCount => accountIds.Length;

    /// <summary>A new column, every row NaN until set.</summary>
    public float[] Add(string name)
    {
        if (_columns.Any(c => c.Name == name))
        {
            throw new ArgumentException($"feature '{name}' is already defined");
        }
        var values = new float[accountIds.Length];
        Array.Fill(values, float.NaN);
        _columns.Add((name, values));
        return values;
    }

    public FeatureMatrix ToMatrix()
    {
        var columns = _columns.Count;
        var values = new float[(long)columns * accountIds.Length];
        Parallel.For(0, accountIds.Length, r =>
        {
            for (var c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = _columns[c].Values[r];
            }
        });
        return new FeatureMatrix(_columns.Select(c => c.Name).ToList(), accountIds, values);
    }
}
