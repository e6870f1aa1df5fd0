namespace GraphGuard.Core.Interchange;

/// <summary>Where each column of a file stands, as bound from its header by <see cref="FileSchema.Bind"/>.</summary>
public sealed class HeaderLayout(int columnCount, IReadOnlyDictionary<string, int> positions, IReadOnlyList<(string Name, int Index)> features)
{
    /// <summary>Number of fields every data row must have.</summary>
    public int ColumnCount { get; } = columnCount;

    /// <summary>Numeric feature columns (<c>f_&lt;name&gt;</c>), name without the prefix.</summary>
    public IReadOnlyList<(string Name, int Index)> Features { get; } = features;

    /// <summary>Position of a column, or -1 when the file does not have it.</summary>
    public int IndexOf(string column) => positions.TryGetValue(column, out var i) ? i : -1;
}
