namespace GraphGuard.Core.Features;

/// <summary>
/// Per-account features as a dense row-major matrix: one row per account (its entity id in
/// <see cref="AccountIds"/>), one column per name. Missing values are NaN, as XGBoost expects.
/// </summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(IReadOnlyList<string> names, int[] accountIds, float[] values)
    {
        if (values.Length != (long)names.Count * accountIds.Length)
        {
            throw new ArgumentException($"{values.Length} values do not fill {accountIds.Length} rows of {names.Count} columns");
        }
        Names = names;
        AccountIds = accountIds;
        Values = values;
    }

    public IReadOnlyList<string> Names { get; }

    public int[] AccountIds { get; }

    /// <summary>Row-major values: row r, column c at r * ColumnCount + c.</summary>
    public float[] Values { get; }

    public int RowCount => AccountIds.Length;

    public int ColumnCount => Names.Count;

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * ColumnCount, ColumnCount);

    /// <summary>The given rows, in that order, as one row-major block (what XGBoost copies in).</summary>
    public float[] RowsOf(ReadOnlySpan<int> rows)
    {
        var values = new float[(long)rows.Length * ColumnCount];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(values.AsSpan(i * ColumnCount, ColumnCount));
        }
        return values;
    }

    public float this[int row, string column] => Values[(row * ColumnCount) + Column(column)];

    public int Column(string name)
    {
        for (var c = 0; c < Names.Count; c++)
        {
            if (Names[c] == name)
            {
                return c;
            }
        }
        throw new KeyNotFoundException($"no feature named '{name}' (have: {string.Join(", ", Names)})");
    }
}
