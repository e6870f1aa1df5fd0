using System.Collections.Concurrent;
using GraphGuard.Core.Synthetic;

namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// Groups of near-identical items: LSH banding over MinHash signatures proposes candidate pairs, the exact
/// Jaccard of their shingle sets confirms them, and union–find closes the confirmed pairs into groups.
/// </summary>
/// <remarks>
/// Implementation note: candidates are confirmed with the exact Jaccard rather than the signature
/// estimate. The sets are short and already in memory, so an exact check costs less than comparing 100
/// signature values, and the estimate's noise (±0.05 at 100 functions) would now and then pass a 0.55
/// pair of two rings posting one template, and one such link merges both rings' groups. Bands are
/// scanned one after another so that a pair the earlier bands already joined is not checked again:
/// copies of one text meet in nearly every band.
/// </remarks>
internal sealed class NearDuplicateGroups
{
    private const int Chunk = 4096;

    private NearDuplicateGroups(int[] groupOf, int count, float[] minSimilarity)
    {
        GroupOf = groupOf;
        Count = count;
        MinSimilarity = minSimilarity;
    }

    /// <summary>Group of each shingle set, or −1 for a set near-identical to no other.</summary>
    public int[] GroupOf { get; }

    public int Count { get; }

    /// <summary>Per group, the lowest Jaccard among the confirmed pairs that built it.</summary>
    public float[] MinSimilarity { get; }

    private readonly record struct Link(int A, int B, float Similarity);

    public static NearDuplicateGroups Find(ShingleSets sets, NearDuplicateOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bands, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowsPerBand, 1);
        var bandKeys = BandKeys(sets, options);
        var union = new DisjointSets(sets.Count);
        var links = new List<Link>();
        var keys = new ulong[sets.Count];
        var scratch = new ulong[sets.Count];
        var leaders = new List<int>(options.MaxLeadersPerBucket);
        foreach (var band in bandKeys)
        {
            for (var s = 0; s < keys.Length; s++)
            {
                keys[s] = ((ulong)band[s] << 32) | (uint)s;
            }
            SortByBucket(keys, scratch);
            for (var start = 0; start < keys.Length;)
            {
                var end = start + 1;
                while (end < keys.Length && keys[end] >> 32 == keys[start] >> 32)
                {
                    end++;
                }
                leaders.Clear();
                for (var k = start; end - start > 1 && k < end; k++)
                {
                    Confirm(sets, (int)(uint)keys[k], leaders, union, links, options);
                }
                start = end;
            }
        }
        return Number(union, links);
    }

    /// <summary>
    /// Per band and set, the band's MinHash values folded to 32 bits: sets with equal keys share a bucket.
    /// Each set's signature is computed once, in parallel over ranges of sets.
    /// </summary>
    private static uint[][] BandKeys(ShingleSets sets, NearDuplicateOptions options)
    {
        var minHash = new MinHash(options.Bands * options.RowsPerBand, options.Seed);
        var keys = new uint[options.Bands][];
        for (var band = 0; band < keys.Length; band++)
        {
            keys[band] = new uint[sets.Count];
        }
        if (sets.Count == 0)
        {
            return keys;
        }
        Parallel.ForEach(Partitioner.Create(0, sets.Count, Chunk), range =>
        {
            Span<uint> signature = stackalloc uint[minHash.PaddedCount];
            for (var s = range.Item1; s < range.Item2; s++)
            {
                minHash.Compute(sets[s], signature);
                for (var band = 0; band < keys.Length; band++)
                {
                    var key = (ulong)band;
                    foreach (var v in signature.Slice(band * options.RowsPerBand, options.RowsPerBand))
                    {
                        key = StableHash.Mix(key, v);
                    }
                    keys[band][s] = (uint)key;
                }
            }
        });
        return keys;
    }

    /// <summary>
    /// Stable LSD radix sort on the upper 32 bits, two 16-bit digits: the first pass writes into
    /// <paramref name="scratch"/>, the second back into <paramref name="keys"/>.
    /// </summary>
    private static void SortByBucket(ulong[] keys, ulong[] scratch)
    {
        var counts = new int[(1 << 16) + 1];
        foreach (var (from, to, shift) in (ReadOnlySpan<(ulong[], ulong[], int)>)[(keys, scratch, 32), (scratch, keys, 48)])
        {
            Array.Clear(counts);
            foreach (var key in from)
            {
                counts[((int)(key >> shift) & 0xFFFF) + 1]++;
            }
            for (var d = 0; d < 1 << 16; d++)
            {
                counts[d + 1] += counts[d];
            }
            foreach (var key in from)
            {
                to[counts[(int)(key >> shift) & 0xFFFF]++] = key;
            }
        }
    }

    /// <summary>
    /// Links <paramref name="set"/> to the first leader of its bucket it is near-identical to (or already
    /// grouped with), or makes it a leader.
    /// </summary>
    private static void Confirm(ShingleSets sets, int set, List<int> leaders, DisjointSets union, List<Link> links, NearDuplicateOptions options)
    {
        foreach (var leader in leaders)
        {
            if (union.Find(leader) == union.Find(set))
            {
                return;
            }
            var similarity = sets.Jaccard(leader, set);
            if (similarity >= options.Threshold)
            {
                union.Union(leader, set);
                links.Add(new Link(leader, set, (float)similarity));
                return;
            }
        }
        if (leaders.Count < options.MaxLeadersPerBucket)
        {
            leaders.Add(set);
        }
    }

    /// <summary>Numbers the sets of two or more in order of their smallest member; records each group's weakest link.</summary>
    private static NearDuplicateGroups Number(DisjointSets union, List<Link> links)
    {
        var sizes = union.SizesByRoot();
        var groupOf = new int[union.Count];
        var count = 0;
        for (var s = 0; s < groupOf.Length; s++)
        {
            var root = union.Find(s);
            groupOf[s] = root == s ? (sizes[s] > 1 ? count++ : -1) : groupOf[root];
        }
        var minSimilarity = new float[count];
        Array.Fill(minSimilarity, 1f);
        foreach (var link in links)
        {
            var g = groupOf[link.A];
            minSimilarity[g] = Math.Min(minSimilarity[g], link.Similarity);
        }
        return new NearDuplicateGroups(groupOf, count, minSimilarity);
    }
}
