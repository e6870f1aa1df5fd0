namespace GraphGuard.Learning.Tensors;

/// <summary>
/// Parallel loops over [0, count) cut into chunks whose boundaries depend only on the count and the work per
/// item, never on the number of threads: each output is computed by one chunk in a fixed order, so results
/// are bit-identical however the chunks are scheduled.
/// </summary>
internal static class FixedChunks
{
    /// <summary>Roughly how many float operations one chunk should carry to outweigh scheduling cost.</summary>
    private const long WorkPerChunk = 1 << 16;

    /// <summary>Items per chunk so that a chunk does about <see cref="WorkPerChunk"/> operations.</summary>
    public static int Size(long workPerItem) => (int)Math.Clamp(WorkPerChunk / Math.Max(1, workPerItem), 1, int.MaxValue);

    /// <summary>Runs <paramref name="body"/>(start, end) over every chunk; small loops run inline.</summary>
    public static void Run(ParallelOptions options, int count, int chunkSize, Action<int, int> body)
    {
        if (count <= 0)
        {
            return;
        }
        if (count <= chunkSize)
        {
            body(0, count);
            return;
        }
        var chunks = (int)(((long)count + chunkSize - 1) / chunkSize);
        Parallel.For(0, chunks, options, c =>
        {
            var start = c * chunkSize;
            body(start, (int)Math.Min(count, (long)start + chunkSize));
        });
    }
}
