using System.Numerics;

namespace GraphGuard.Core.Detection.Media;

/// <summary>
/// Groups near-identical media hashes into clips by multi-index hashing (Norouzi, Punjani and Fleet, CVPR
/// 2012): split each 64-bit hash into <c>d + 1</c> chunks; two hashes at most <c>d</c> bits apart agree
/// exactly on at least one chunk (pigeonhole), so only hashes sharing a chunk value are compared. Hashes
/// within the distance are unioned; a clip is a connected group of copies.
/// </summary>
internal static class MediaClips
{
    /// <summary>The clip of each distinct hash, the distinct hashes in ascending order, and the widest pair found inside each clip.</summary>
    public static (ulong[] Distinct, int[] ClipOf, int ClipCount, int[] MaxBits) Find(ulong[] hashes, int maxDistance)
    {
        var distinct = hashes.Distinct().Order().ToArray();
        var sets = new DisjointSets(distinct.Length);
        var widest = new int[distinct.Length];
        int chunks = maxDistance + 1;
        var buckets = new Dictionary<ulong, List<int>>();
        for (int c = 0; c < chunks; c++)
        {
            var (shift, width) = Chunk(c, chunks);
            ulong mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
            buckets.Clear();
            for (int i = 0; i < distinct.Length; i++)
            {
                ulong key = (distinct[i] >> shift) & mask;
                if (!buckets.TryGetValue(key, out var list))
                {
                    buckets[key] = list = [];
                }
                list.Add(i);
            }
            foreach (var list in buckets.Values)
            {
                for (int x = 0; x < list.Count; x++)
                {
                    for (int y = x + 1; y < list.Count; y++)
                    {
                        int bits = BitOperations.PopCount(distinct[list[x]] ^ distinct[list[y]]);
                        if (bits <= maxDistance)
                        {
                            sets.Union(list[x], list[y]);
                            widest[list[x]] = Math.Max(widest[list[x]], bits);
                        }
                    }
                }
            }
        }
        var clipOfRoot = new Dictionary<int, int>();
        var clipOf = new int[distinct.Length];
        for (int i = 0; i < distinct.Length; i++)
        {
            int root = sets.Find(i);
            if (!clipOfRoot.TryGetValue(root, out int clip))
            {
                clipOfRoot[root] = clip = clipOfRoot.Count;
            }
            clipOf[i] = clip;
        }
        var maxBits = new int[clipOfRoot.Count];
        for (int i = 0; i < distinct.Length; i++)
        {
            maxBits[clipOf[i]] = Math.Max(maxBits[clipOf[i]], widest[i]);
        }
        return (distinct, clipOf, clipOfRoot.Count, maxBits);
    }

    /// <summary>Chunk <paramref name="c"/> of <paramref name="chunks"/> as (shift, width): widths differ by at most one bit.</summary>
    private static (int Shift, int Width) Chunk(int c, int chunks)
    {
        int start = c * 64 / chunks;
        return (start, ((c + 1) * 64 / chunks) - start);
    }
}
