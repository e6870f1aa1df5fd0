namespace GraphGuard.Learning.Sage;

/// <summary>The shape of a model: what its parameters mean, and all that inference and a saved model need.</summary>
internal sealed record SageArchitecture(int FeatureCount, IReadOnlyList<string> RelationNames, IReadOnlyList<int> LayerDims, bool NormalizeEmbeddings, bool HasClassifier)
{
    public int LayerCount => LayerDims.Count;

    public int RelationCount => RelationNames.Count;

    public int EmbeddingDimension => LayerDims[^1];

    /// <summary>Width of level <paramref name="level"/>: 0 is the input features, L the embedding.</summary>
    public int Width(int level) => level == 0 ? FeatureCount : LayerDims[level - 1];

    /// <summary>Checks that a graph and feature matrix fit this architecture.</summary>
    public void RequireInput(SageGraph graph, float[] features)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(features);
        if (features.LongLength != (long)graph.NodeCount * FeatureCount)
        {
            throw new ArgumentException($"{features.LongLength} features are not {graph.NodeCount} rows of {FeatureCount}", nameof(features));
        }
        var names = graph.Relations.Select(r => r.Name);
        if (!names.SequenceEqual(RelationNames, StringComparer.Ordinal))
        {
            throw new ArgumentException($"the graph's relations ({string.Join(", ", names)}) are not the model's ({string.Join(", ", RelationNames)})", nameof(graph));
        }
    }
}
