namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Splits nodes 0..n-1 into contiguous ranges of roughly equal work (nodes plus adjacency entries), so a
/// parallel pass over ranges stays balanced when degrees are skewed. Fixed ranges also make per-range
/// partial sums, added in range order, deterministic whatever thread runs each range.
/// </summary>
internal static class WorkRanges
{
    private const long MinWorkPerRange = 16_384;
    private const int RangesPerCore = 8;

    /// <summary>Range boundaries: range i is [bounds[i], bounds[i+1]).</summary>
    public static int[] Split(ReadOnlySpan<long> offsets)
    {
        var n = offsets.Length - 1;
        var total = offsets[n] + n;
        var count = (int)Math.Clamp(total / MinWorkPerRange, 1, Environment.ProcessorCount * RangesPerCore);
        var bounds = new List<int>(count + 1) { 0 };
        for (var i = 1; i < count; i++)
        {
            var target = total * i / count;
            // Work before node v is offsets[v] + v, which only grows: binary search for the first v past the target.
            int lo = bounds[^1], hi = n;
            while (lo < hi)
            {
                var mid = (int)(((long)lo + hi) / 2);
                if (offsets[mid] + mid < target)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            if (lo > bounds[^1] && lo < n)
            {
                bounds.Add(lo);
            }
        }
        bounds.Add(n);
        return [.. bounds];
    }
}
