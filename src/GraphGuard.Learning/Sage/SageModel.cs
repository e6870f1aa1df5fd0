using System.Numerics.Tensors;
using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// A trained GraphSAGE model: the architecture and parameters, which embed every node of a graph with the
/// same relations and features, and (supervised) a logistic head that turns an embedding into a probability.
/// Save and load it with <see cref="Save"/> and <see cref="Load"/>.
/// </summary>
public sealed partial class SageModel
{
    private readonly SageArchitecture _architecture;
    private readonly float[] _parameters;

    internal SageModel(SageArchitecture architecture, float[] parameters, IReadOnlyList<SageEpoch> history)
    {
        if (parameters.Length != new SageParameterLayout(architecture).Count)
        {
            throw new ArgumentException($"{parameters.Length} parameters do not fit the architecture", nameof(parameters));
        }
        _architecture = architecture;
        _parameters = parameters;
        History = history;
    }

    /// <summary>Input features per node.</summary>
    public int FeatureCount => _architecture.FeatureCount;

    /// <summary>The relations, in the order a graph must list them.</summary>
    public IReadOnlyList<string> RelationNames => _architecture.RelationNames;

    /// <summary>Output width of each layer; the last is <see cref="EmbeddingDimension"/>.</summary>
    public IReadOnlyList<int> LayerDims => _architecture.LayerDims;

    /// <summary>Floats per node embedding.</summary>
    public int EmbeddingDimension => _architecture.EmbeddingDimension;

    /// <summary>Whether embeddings are divided by their L2 norm.</summary>
    public bool NormalizesEmbeddings => _architecture.NormalizeEmbeddings;

    /// <summary>Whether the model was trained supervised and can <see cref="PredictProbabilities"/>.</summary>
    public bool HasClassifier => _architecture.HasClassifier;

    /// <summary>Training epochs, in order; empty for a loaded model.</summary>
    public IReadOnlyList<SageEpoch> History { get; }

    /// <summary>Embeds every node: row v (<see cref="EmbeddingDimension"/> floats) is node v's embedding.</summary>
    /// <exception cref="ArgumentException">The graph's relations or the feature count differ from the model's.</exception>
    public float[] Embed(SageGraph graph, float[] features, SageInferenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var embeddings = new float[(long)graph.NodeCount * EmbeddingDimension];
        Embed(graph, features, embeddings, options);
        return embeddings;
    }

    /// <summary>Embeds every node into <paramref name="destination"/> (n × <see cref="EmbeddingDimension"/>, row-major).</summary>
    /// <exception cref="ArgumentException">The graph, features or destination do not fit the model.</exception>
    public void Embed(SageGraph graph, float[] features, Span<float> destination, SageInferenceOptions? options = null)
    {
        _architecture.RequireInput(graph, features);
        if (destination.Length != (long)graph.NodeCount * EmbeddingDimension)
        {
            throw new ArgumentException($"the destination holds {destination.Length} floats, not {graph.NodeCount} x {EmbeddingDimension}", nameof(destination));
        }
        options ??= new SageInferenceOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ChunkRows);
        using var backend = new CpuTensorBackend(options.MaxDegreeOfParallelism);
        using var embedder = new LayerwiseEmbedder(backend, _architecture, _parameters);
        embedder.Embed(graph, features, destination, options.ChunkRows, options.CancellationToken);
    }

    /// <summary>Probability of the positive class for every node, from the logistic head over its embedding.</summary>
    /// <exception cref="InvalidOperationException">The model was trained unsupervised.</exception>
    public float[] PredictProbabilities(SageGraph graph, float[] features, SageInferenceOptions? options = null)
    {
        RequireClassifier();
        return ProbabilitiesOf(Embed(graph, features, options));
    }

    /// <summary>The logistic head's probability for each row of <paramref name="embeddings"/> (n × <see cref="EmbeddingDimension"/>, from any engine).</summary>
    /// <exception cref="InvalidOperationException">The model was trained unsupervised.</exception>
    public float[] ProbabilitiesOf(float[] embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        RequireClassifier();
        var head = new SageParameterLayout(_architecture).Segments[^2];
        var weights = _parameters.AsSpan((int)head.Offset, EmbeddingDimension);
        var bias = _parameters[^1];
        var width = EmbeddingDimension;
        var probabilities = new float[embeddings.Length / width];
        for (var v = 0; v < probabilities.Length; v++)
        {
            probabilities[v] = LogisticLoss.Sigmoid(TensorPrimitives.Dot(embeddings.AsSpan(v * width, width), weights) + bias);
        }
        return probabilities;
    }

    private void RequireClassifier()
    {
        if (!HasClassifier)
        {
            throw new InvalidOperationException("an unsupervised model has no classifier head");
        }
    }

    /// <summary>The shape of the model (the TorchSharp engine reads it).</summary>
    internal SageArchitecture Architecture => _architecture;

    /// <summary>The flat parameter vector (tests, and the TorchSharp engine).</summary>
    internal ReadOnlySpan<float> Parameters => _parameters;
}
