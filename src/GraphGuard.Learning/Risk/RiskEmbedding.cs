using GraphGuard.Core.Features;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// The GraphSAGE part of the risk model: an unsupervised (link-prediction) embedding of every account over
/// <see cref="RiskRelations"/>, from its scaled risk features, appended to them as <c>sage_0</c>, <c>sage_1</c>, ...
/// Unsupervised on purpose: an embedding trained on the labels would describe the labeled accounts better
/// than the rest, and the booster would learn to trust it more than it deserves on unlabeled ones.
/// </summary>
public sealed class RiskEmbedding
{
    public RiskEmbedding(EmbeddingInputScaler scaler, SageModel model)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        ArgumentNullException.ThrowIfNull(model);
        if (model.FeatureCount != scaler.Names.Length)
        {
            throw new ArgumentException($"the GraphSAGE model takes {model.FeatureCount} features, the scaler gives {scaler.Names.Length}");
        }
        Scaler = scaler;
        Model = model;
    }

    /// <summary>How the input features are scaled.</summary>
    public EmbeddingInputScaler Scaler { get; }

    /// <summary>The trained GraphSAGE model.</summary>
    public SageModel Model { get; }

    /// <summary>The embedding's column names.</summary>
    public IReadOnlyList<string> Names => [.. Enumerable.Range(0, Model.EmbeddingDimension).Select(i => $"{RiskFeatureCatalogue.EmbeddingPrefix}{i}")];

    /// <summary>
    /// Trains on every account: the inputs are the columns of <paramref name="features"/> that are not
    /// derived from labels (<see cref="NeighborLabelFeatures.IsLabelDerived"/>).
    /// </summary>
    public static RiskEmbedding Train(
        FeatureMatrix features, SageGraph graph, SageOptions options, IProgress<SageEpoch>? progress = null, CancellationToken cancellationToken = default, SageEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(graph);
        var inputs = features.Names.Where(n => !NeighborLabelFeatures.IsLabelDerived(n) && !n.StartsWith(RiskFeatureCatalogue.EmbeddingPrefix, StringComparison.Ordinal)).ToList();
        var scaler = EmbeddingInputScaler.Fit(features, inputs);
        var model = (engine ?? SageEngine.HandWritten).Train(graph, scaler.Transform(features), supervision: null, options, progress, cancellationToken);
        return new RiskEmbedding(scaler, model);
    }

    /// <summary>Embeds every account: one column per embedding dimension, named as <see cref="Names"/>.</summary>
    public IReadOnlyList<(string Name, float[] Values)> Embed(FeatureMatrix features, SageGraph graph, SageInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = Model.Embed(graph, Scaler.Transform(features), options);
        var width = Model.EmbeddingDimension;
        var names = Names;
        var columns = new List<(string, float[])>(width);
        for (var d = 0; d < width; d++)
        {
            var values = new float[features.RowCount];
            for (var r = 0; r < values.Length; r++)
            {
                values[r] = rows[((long)r * width) + d];
            }
            columns.Add((names[d], values));
        }
        return columns;
    }
}
