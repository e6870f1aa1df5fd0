using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// A small value-type generator (SplitMix64 stepping), cheap enough to create per node or per batch from a
/// derived seed: that is what makes sampling reproducible whatever thread runs it. <see cref="Random"/>'s
/// seeded sequence is not promised to stay the same across runtimes.
/// </summary>
internal struct SageRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        _state += SplitMix.Golden;
        return SplitMix.Mix(_state);
    }

    /// <summary>Uniform in [0, <paramref name="bound"/>), bound &gt; 0 (Lemire's multiply-shift).</summary>
    public int Next(int bound) => (int)(((NextUInt64() >> 32) * (ulong)bound) >> 32);

    /// <summary>Uniform in [0, <paramref name="bound"/>) for a 64-bit bound.</summary>
    public long NextLong(long bound) => (long)Math.BigMul(NextUInt64(), (ulong)bound, out _);

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Fisher–Yates.</summary>
    public void Shuffle(Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// Fills <paramref name="positions"/> with distinct positions drawn uniformly from [0, <paramref name="count"/>)
    /// without replacement: Floyd's algorithm (Bentley, CACM 1987), O(k²) membership checks for small k and no
    /// scratch, so a hub with a million neighbours costs as little as a leaf.
    /// </summary>
    public void SampleWithoutReplacement(int count, Span<int> positions)
    {
        var k = positions.Length;
        for (var drawn = 0; drawn < k; drawn++)
        {
            var j = count - k + drawn;
            var t = Next(j + 1);
            positions[drawn] = positions[..drawn].Contains(t) ? j : t;
        }
    }
}
