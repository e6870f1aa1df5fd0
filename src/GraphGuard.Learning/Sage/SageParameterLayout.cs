using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// Where each weight matrix and bias sits in the one flat parameter vector: per layer the stacked weights
/// ((R+1)·in × out) then the bias (1 × out); then, for a classifier, the logistic head (emb × 1, 1 × 1).
/// One vector keeps Adam, saving and restoring the best epoch to single copies.
/// </summary>
internal sealed class SageParameterLayout
{
    private readonly List<ParameterSegment> _segments = [];
    private readonly SageArchitecture _architecture;

    public SageParameterLayout(SageArchitecture architecture)
    {
        _architecture = architecture;
        long offset = 0;
        for (var level = 1; level <= architecture.LayerCount; level++)
        {
            offset = Add(offset, (architecture.RelationCount + 1) * architecture.Width(level - 1), architecture.Width(level));
        }
        if (architecture.HasClassifier)
        {
            offset = Add(offset, architecture.EmbeddingDimension, 1);
        }
        Count = checked((int)offset);
    }

    /// <summary>Floats in the whole vector.</summary>
    public int Count { get; }

    public IReadOnlyList<ParameterSegment> Segments => _segments;

    /// <summary>Layer <paramref name="layer"/> (1-based, input side first) inside a buffer laid out like the parameters.</summary>
    public LayerParameters Layer(int layer, DeviceBuffer buffer) =>
        new(_segments[2 * (layer - 1)].In(buffer), _segments[(2 * layer) - 1].In(buffer));

    /// <summary>The logistic head: weights (embedding × 1) and bias (1 × 1).</summary>
    public LayerParameters Classifier(DeviceBuffer buffer)
    {
        if (!_architecture.HasClassifier)
        {
            throw new InvalidOperationException("the model has no classifier head");
        }
        return new(_segments[^2].In(buffer), _segments[^1].In(buffer));
    }

    /// <summary>
    /// Glorot-uniform weights (Glorot and Bengio, AISTATS 2010), each input-width block on its own fan-in,
    /// and zero biases.
    /// </summary>
    public float[] Initialize(ulong seed)
    {
        var values = new float[Count];
        // A stream no epoch number reaches (epochs shuffle on streams 1, 2, ...).
        var random = new SageRandom(SplitMix.Combine(seed, ulong.MaxValue));
        for (var s = 0; s < _segments.Count; s += 2)
        {
            var weights = _segments[s];
            var blockRows = s / 2 < _architecture.LayerCount ? _architecture.Width(s / 2) : weights.Rows;
            var limit = MathF.Sqrt(6f / (blockRows + weights.Columns));
            foreach (ref var w in values.AsSpan((int)weights.Offset, weights.Length))
            {
                w = ((2f * random.NextFloat()) - 1f) * limit;
            }
        }
        return values;
    }

    private long Add(long offset, int rows, int columns)
    {
        _segments.Add(new ParameterSegment(offset, rows, columns, Decays: true));
        offset += (long)rows * columns;
        _segments.Add(new ParameterSegment(offset, 1, columns, Decays: false));
        return offset + columns;
    }
}
