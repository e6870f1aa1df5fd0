using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// The random streams of a training run, each derived from the seed: every engine that reads them samples the
/// same neighbours, shuffles the same way and draws the same pairs and negatives.
/// </summary>
internal static class SageStreams
{
    /// <summary>Seed of the validation batches: the same every epoch, so epochs are compared on the same samples.</summary>
    public const ulong Validation = 0x7A11D;

    // Independent random streams of one batch, each derived from the batch seed.
    public const ulong Sampling = 1;
    public const ulong Dropout = 2;
    public const ulong Pairs = 3;

    /// <summary>The seed of an epoch's shuffle.</summary>
    public static ulong Epoch(ulong seed, int epoch) => SplitMix.Combine(seed, (ulong)epoch);

    /// <summary>The seed of batch <paramref name="batch"/> of epoch <paramref name="epoch"/>.</summary>
    public static ulong Batch(ulong seed, int epoch, int batch) => SplitMix.Combine(Epoch(seed, epoch), (ulong)batch);

    /// <summary>The seed of the validation batch starting at <paramref name="start"/>.</summary>
    public static ulong ValidationBatch(ulong seed, int start) => SplitMix.Combine(seed ^ Validation, (ulong)start);
}
