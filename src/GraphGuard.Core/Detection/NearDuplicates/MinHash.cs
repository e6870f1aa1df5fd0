using GraphGuard.Core.Synthetic;

namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// MinHash (Broder, 1997): per hash function, the least hash over a set's shingles. Two sets agree on one
/// function's minimum with probability equal to their Jaccard similarity, so the share of agreeing
/// positions estimates it with standard error √(J(1−J)/k) over k functions.
/// </summary>
/// <remarks>
/// Implementation note: the functions are h_i(x) = a_i·x + b_i mod 2^64 with odd a_i, one multiply-add per
/// shingle and function. A multiply-add family alone is not min-wise independent, but the shingles are
/// already SplitMix outputs, so their order under each h_i is as good as random. Seeds are fixed.
/// </remarks>
internal sealed class MinHash
{
    private readonly ulong[] _a;
    private readonly ulong[] _b;

    public MinHash(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _a = new ulong[count];
        _b = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            _a[i] = StableHash.Mix(seed, (ulong)(2 * i)) | 1UL;
            _b[i] = StableHash.Mix(seed, (ulong)(2 * i + 1));
        }
    }

    /// <summary>Number of hash functions.</summary>
    public int Count => _a.Length;

    /// <summary>
    /// Minima of functions <paramref name="first"/> .. first + signature.Length − 1 over
    /// <paramref name="shingles"/> (ulong.MaxValue for an empty set).
    /// </summary>
    public void Compute(ReadOnlySpan<uint> shingles, Span<ulong> signature, int first = 0)
    {
        var a = _a.AsSpan(first, signature.Length);
        var b = _b.AsSpan(first, signature.Length);
        signature.Fill(ulong.MaxValue);
        foreach (var x in shingles)
        {
            for (var i = 0; i < signature.Length; i++)
            {
                var h = (a[i] * x) + b[i];
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }
    }

    /// <summary>The full signature of a set.</summary>
    public ulong[] Signature(ReadOnlySpan<uint> shingles)
    {
        var signature = new ulong[Count];
        Compute(shingles, signature);
        return signature;
    }

    /// <summary>Estimated Jaccard similarity: the share of positions where two signatures agree.</summary>
    public static double Estimate(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException("signatures differ in length or are empty");
        }
        var agree = 0;
        for (var i = 0; i < a.Length; i++)
        {
            agree += a[i] == b[i] ? 1 : 0;
        }
        return (double)agree / a.Length;
    }
}
