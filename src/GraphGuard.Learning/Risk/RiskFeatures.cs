using GraphGuard.Core.Features;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Risk;

/// <summary>Builds the risk model's full feature matrix from its input: the input features, the neighbours' labels, the embedding.</summary>
public static class RiskFeatures
{
    /// <summary>Input features and neighbour-label counts (what the embedding is trained from).</summary>
    public static FeatureMatrix WithNeighborLabels(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Validate();
        var neighbors = NeighborLabelFeatures.Compute(input.Relations.Graph, input.Labels);
        return RiskFeatureColumns.Combine(input.Features.AccountIds, RiskFeatureColumns.Of(input.Features).Concat(neighbors));
    }

    /// <summary><paramref name="features"/> with the embedding's columns appended.</summary>
    public static FeatureMatrix WithEmbedding(FeatureMatrix features, RiskEmbedding embedding, SageGraph graph, SageInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(embedding);
        return RiskFeatureColumns.Combine(features.AccountIds, RiskFeatureColumns.Of(features).Concat(embedding.Embed(features, graph, options)));
    }

    /// <summary>
    /// The columns <paramref name="names"/> of <paramref name="features"/>, in that order; a name the matrix lacks
    /// becomes a missing (NaN) column, listed in <paramref name="missing"/>. Lets a model trained on one snapshot
    /// score another whose events had another set of actions.
    /// </summary>
    public static FeatureMatrix Align(FeatureMatrix features, IReadOnlyList<string> names, out IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(names);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < features.ColumnCount; c++)
        {
            index[features.Names[c]] = c;
        }
        var source = names.Select(n => index.GetValueOrDefault(n, -1)).ToArray();
        missing = [.. names.Where((_, i) => source[i] < 0)];
        if (missing.Count == 0 && features.Names.SequenceEqual(names))
        {
            return features;
        }
        var width = names.Count;
        var values = new float[(long)features.RowCount * width];
        Parallel.For(0, features.RowCount, r =>
        {
            var row = features.Row(r);
            for (var i = 0; i < width; i++)
            {
                values[((long)r * width) + i] = source[i] < 0 ? float.NaN : row[source[i]];
            }
        });
        return new FeatureMatrix([.. names], features.AccountIds, values);
    }
}
