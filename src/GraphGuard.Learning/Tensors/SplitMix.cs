namespace GraphGuard.Learning.Tensors;

/// <summary>
/// SplitMix64 finalizer (Steele, Lea and Flood, OOPSLA 2014): a stateless 64-bit hash. Random streams that
/// depend only on (seed, index) make results independent of which thread draws them.
/// </summary>
internal static class SplitMix
{
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A seed for the stream named by (<paramref name="seed"/>, <paramref name="stream"/>).</summary>
    public static ulong Combine(ulong seed, ulong stream) => Mix(seed ^ Mix(stream + Golden));

    /// <summary>
    /// 64 random bits for the group of four elements <paramref name="index"/> / 4 of the stream <paramref name="seed"/>;
    /// element i takes 16 bits at <see cref="QuarterShift"/>(i). One hash per four elements.
    /// </summary>
    public static ulong Quarters(ulong seed, long index) => Mix(seed + ((ulong)(index >> 2) * Golden));

    public static int QuarterShift(long index) => 16 * (int)(index & 3);
}
