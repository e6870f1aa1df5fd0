namespace GraphGuard.Core.Interchange;

/// <summary>Where each column of a file stands, as bound from its header by <see cref="FileSchema.Bind"/>.</summary>
public sealed class HeaderLayout(int columnCount, IReadOnlyDictionary<string, int> positions, IReadOnlyList<(string Name, int Index)> features)
{
    private readonly string?[] _names = NamesByPosition(columnCount, positions);

    /// <summary>Number of fields every data row must have.</summary>
    public int ColumnCount { get; } = columnCount;

    /// <summary>Numeric feature columns (<c>f_&lt;name&gt;</c>), name without the prefix.</summary>
    public IReadOnlyList<(string Name, int Index)> Features { get; } = features;

    /// <summary>Position of a column, or -1 when the file does not have it.</summary>
    public int IndexOf(string column) => positions.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The column at a position, or null past the header's last column.</summary>
    public string? NameAt(int index) => (uint)index < (uint)_names.Length ? _names[index] : null;

    private static string?[] NamesByPosition(int columnCount, IReadOnlyDictionary<string, int> positions)
    {
        var names = new string?[columnCount];
        foreach (var (name, index) in positions)
        {
            if ((uint)index < (uint)columnCount)
            {
                names[index] = name;
            }
        }
        return names;
    }
}
