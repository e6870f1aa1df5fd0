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
/// pair of two rings posting one template, and one such link merges both rings' groups.
/// </remarks>
internal sealed class NearDuplicateGroups
{
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
        var minHash = new MinHash(options.Bands * options.RowsPerBand, options.Seed);
        var links = new List<Link>[options.Bands];
        // Bands are independent: each sorts its own keys, so they run in parallel and their links are
        // applied afterwards in band order.
        Parallel.For(0, options.Bands, band => links[band] = LinkBand(sets, minHash, band, options));
        var union = new DisjointSets(sets.Count);
        foreach (var link in links.SelectMany(l => l))
        {
            union.Union(link.A, link.B);
        }
        var sizes = union.SizesByRoot();
        var groupOfRoot = new int[sets.Count];
        var count = 0;
        for (var s = 0; s < sets.Count; s++)
        {
            groupOfRoot[s] = s == union.Find(s) && sizes[s] > 1 ? count++ : -1;
        }
        var groupOf = new int[sets.Count];
        for (var s = 0; s < sets.Count; s++)
        {
            groupOf[s] = groupOfRoot[union.Find(s)];
        }
        var minSimilarity = new float[count];
        Array.Fill(minSimilarity, 1f);
        foreach (var link in links.SelectMany(l => l))
        {
            var g = groupOf[link.A];
            minSimilarity[g] = Math.Min(minSimilarity[g], link.Similarity);
        }
        return new NearDuplicateGroups(groupOf, count, minSimilarity);
    }

    private static List<Link> LinkBand(ShingleSets sets, MinHash minHash, int band, NearDuplicateOptions options)
    {
        var rows = options.RowsPerBand;
        // Key: the band's MinHash values folded to 32 bits, above the set index, so one sort orders buckets
        // and, inside each, the sets ascending: which set leads a bucket is fixed.
        var keys = new ulong[sets.Count];
        Span<ulong> values = stackalloc ulong[rows];
        for (var s = 0; s < sets.Count; s++)
        {
            minHash.Compute(sets[s], values, band * rows);
            var key = (ulong)band;
            foreach (var v in values)
            {
                key = StableHash.Mix(key, v);
            }
            keys[s] = (key << 32) | (uint)s;
        }
        Array.Sort(keys);
        var links = new List<Link>();
        var leaders = new List<int>(options.MaxLeadersPerBucket);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] >> 32 == keys[start] >> 32)
            {
                end++;
            }
            if (end - start > 1)
            {
                leaders.Clear();
                for (var k = start; k < end; k++)
                {
                    Confirm(sets, (int)(uint)keys[k], leaders, links, options);
                }
            }
            start = end;
        }
        return links;
    }

    /// <summary>Links <paramref name="set"/> to the first leader it is near-identical to, or makes it a leader.</summary>
    private static void Confirm(ShingleSets sets, int set, List<int> leaders, List<Link> links, NearDuplicateOptions options)
    {
        foreach (var leader in leaders)
        {
            var similarity = sets.Jaccard(leader, set);
            if (similarity >= options.Threshold)
            {
                links.Add(new Link(leader, set, (float)similarity));
                return;
            }
        }
        if (leaders.Count < options.MaxLeadersPerBucket)
        {
            leaders.Add(set);
        }
    }
}
