namespace GraphGuard.Learning.Sage;

/// <summary>How <see cref="GraphSageTrainer"/> builds and trains a model.</summary>
public sealed record SageOptions
{
    /// <summary>Output width of each layer, input side first; the last is the embedding dimension. Its length is the layer count.</summary>
    public IReadOnlyList<int> HiddenDims { get; init; } = [64, 32];

    /// <summary>
    /// Neighbours sampled per node and relation, hop by hop from the batch's target nodes outward (PyG's
    /// <c>num_neighbors</c> order): FanOuts[0] feeds the last layer. One entry per layer.
    /// </summary>
    public IReadOnlyList<int> FanOuts { get; init; } = [10, 5];

    /// <summary>Passes over the training nodes (supervised) or over every node with an edge as an anchor (unsupervised).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Target nodes per mini-batch (supervised), or positive pairs per mini-batch (unsupervised).</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Adam's step size.</summary>
    public float LearningRate { get; init; } = 0.01f;

    /// <summary>Dropout rate on every hidden layer's output (after ReLU) while training.</summary>
    public float Dropout { get; init; } = 0.2f;

    /// <summary>L2 penalty coefficient on weights (not biases), added to the gradient before Adam.</summary>
    public float WeightDecay { get; init; } = 1e-4f;

    /// <summary>Unsupervised objective: uniformly drawn negative nodes per positive pair.</summary>
    public int NegativeSamples { get; init; } = 5;

    /// <summary>Divide each embedding by its L2 norm.</summary>
    public bool NormalizeEmbeddings { get; init; } = true;

    /// <summary>Supervised objective: loss weight of a positive label; null uses negatives / positives of the training labels.</summary>
    public float? PositiveClassWeight { get; init; }

    /// <summary>Supervised with validation: stop after this many epochs without a better validation AUROC (0 never stops early).</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Everything random (initial weights, shuffles, neighbour samples, dropout, negatives) derives from it.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Threads for the parallel kernels; -1 uses all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    internal void Validate()
    {
        if (HiddenDims.Count == 0 || HiddenDims.Any(d => d <= 0))
        {
            throw new ArgumentException("HiddenDims needs at least one layer, every width positive");
        }
        if (FanOuts.Count != HiddenDims.Count || FanOuts.Any(f => f <= 0))
        {
            throw new ArgumentException($"FanOuts needs one positive entry per layer ({HiddenDims.Count})");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate);
        if (Dropout is < 0f or >= 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "a dropout rate is in [0, 1)");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(NegativeSamples);
        if (PositiveClassWeight is <= 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(PositiveClassWeight), PositiveClassWeight, "a class weight is positive");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(Patience);
    }
}
