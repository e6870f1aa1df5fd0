using GraphGuard.Core.Features;

namespace GraphGuard.Learning.Risk;

/// <summary>Joins families of per-account feature columns (graph, detectors, content, ...) into one matrix.</summary>
public static class RiskFeatureColumns
{
    /// <summary>
    /// One matrix with every column, in order of first appearance; when two families define the same name
    /// the later one's values win (the detectors' label-free trust replaces the graph features' one).
    /// </summary>
    public static FeatureMatrix Combine(int[] accountIds, IEnumerable<(string Name, float[] Values)> columns)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        ArgumentNullException.ThrowIfNull(columns);
        var order = new List<string>();
        var byName = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, values) in columns)
        {
            if (values.Length != accountIds.Length)
            {
                throw new ArgumentException($"feature '{name}' has {values.Length} values for {accountIds.Length} accounts", nameof(columns));
            }
            if (!byName.ContainsKey(name))
            {
                order.Add(name);
            }
            byName[name] = values;
        }
        var table = new FeatureTable(accountIds);
        foreach (var name in order)
        {
            byName[name].CopyTo(table.Add(name), 0);
        }
        return table.ToMatrix();
    }

    /// <summary>
    /// The risk model's base input, as <c>graphguard train</c> and the pipeline both build it: graph features, then
    /// detector features (whose trust replaces the graph's), then profile fields, every matrix in
    /// <paramref name="accountIds"/>' row order.
    /// </summary>
    public static FeatureMatrix Assemble(int[] accountIds, FeatureMatrix graph, FeatureMatrix detectors, IEnumerable<(string Name, float[] Values)> profile) =>
        Combine(accountIds, Of(graph).Concat(Of(detectors)).Concat(profile));

    /// <summary>The columns of a matrix, copied out.</summary>
    public static IEnumerable<(string Name, float[] Values)> Of(FeatureMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        for (var c = 0; c < matrix.ColumnCount; c++)
        {
            yield return (matrix.Names[c], Column(matrix, c));
        }
    }

    /// <summary>One column of a matrix, copied out.</summary>
    public static float[] Column(FeatureMatrix matrix, int column)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var values = new float[matrix.RowCount];
        var width = matrix.ColumnCount;
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = matrix.Values[(r * width) + column];
        }
        return values;
    }
}
