using System.Numerics;
using GraphGuard.Core.Synthetic;

namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// MinHash (Broder, 1997): per hash function, the least hash over a set's shingles. Two sets agree on one
/// function's minimum with probability equal to their Jaccard similarity, so the share of agreeing
/// positions estimates it with standard error √(J(1−J)/k) over k functions.
/// </summary>
/// <remarks>
/// Implementation note: the functions are h_i(x) = a_i·x + b_i mod 2^32 with odd a_i: one multiply-add per
/// shingle and function, computed for <see cref="Vector{T}.Count"/> functions at once. A multiply-add
/// family alone is not min-wise independent, but the shingles are already SplitMix outputs, so each h_i
/// orders them as good as randomly. Seeds are fixed.
/// </remarks>
internal sealed class MinHash
{
    private readonly Vector<uint>[] _a;
    private readonly Vector<uint>[] _b;

    public MinHash(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        var width = Vector<uint>.Count;
        var padded = (count + width - 1) / width * width;
        var a = new uint[padded];
        var b = new uint[padded];
        for (var i = 0; i < padded; i++)
        {
            a[i] = (uint)StableHash.Mix(seed, (ulong)(2 * i)) | 1u;
            b[i] = (uint)StableHash.Mix(seed, (ulong)(2 * i + 1));
        }
        _a = [.. Enumerable.Range(0, padded / width).Select(v => new Vector<uint>(a, v * width))];
        _b = [.. Enumerable.Range(0, padded / width).Select(v => new Vector<uint>(b, v * width))];
    }

    /// <summary>Number of hash functions.</summary>
    public int Count { get; }

    /// <summary>Room a signature needs in <see cref="Compute"/>: <see cref="Count"/> rounded up to whole vectors.</summary>
    public int PaddedCount => _a.Length * Vector<uint>.Count;

    /// <summary>
    /// The minima of every function over <paramref name="shingles"/> (uint.MaxValue for an empty set) into
    /// the first <see cref="Count"/> entries of <paramref name="signature"/>, which holds <see cref="PaddedCount"/>.
    /// </summary>
    public void Compute(ReadOnlySpan<uint> shingles, Span<uint> signature)
    {
        Span<Vector<uint>> minima = System.Runtime.InteropServices.MemoryMarshal.Cast<uint, Vector<uint>>(signature[..PaddedCount]);
        minima.Fill(new Vector<uint>(uint.MaxValue));
        foreach (var x in shingles)
        {
            var value = new Vector<uint>(x);
            for (var v = 0; v < minima.Length; v++)
            {
                minima[v] = Vector.Min(minima[v], (_a[v] * value) + _b[v]);
            }
        }
    }

    /// <summary>The signature of a set.</summary>
    public uint[] Signature(ReadOnlySpan<uint> shingles)
    {
        var signature = new uint[PaddedCount];
        Compute(shingles, signature);
        return signature[..Count];
    }

    /// <summary>Estimated Jaccard similarity: the share of positions where two signatures agree.</summary>
    public static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
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
