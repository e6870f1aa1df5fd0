namespace GraphGuard.Learning.Sage;

/// <summary>How <see cref="SageModel.Embed(SageGraph, float[], SageInferenceOptions?)"/> runs.</summary>
public sealed record SageInferenceOptions
{
    /// <summary>Nodes per chunk of layer-wise inference; bounds scratch memory to chunk × width per relation.</summary>
    public int ChunkRows { get; init; } = 16_384;

    /// <summary>Threads for the parallel kernels; -1 uses all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checked between chunks.</summary>
    public CancellationToken CancellationToken { get; init; }
}
