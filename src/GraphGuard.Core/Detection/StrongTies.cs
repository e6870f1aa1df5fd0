using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection;

/// <summary>
/// The ties of an account graph at or above a weight: how many each account has, the strongest, and
/// the groups they connect. Detectors build a tie graph their own way and read clusters off it here.
/// </summary>
internal sealed class StrongTies
{
    private StrongTies(int[] degree, float[] strongest, List<int[]> groups)
    {
        Degree = degree;
        Strongest = strongest;
        Groups = groups;
    }

    /// <summary>Strong ties per account.</summary>
    public int[] Degree { get; }

    /// <summary>Weight of each account's strongest tie (0 when it has none).</summary>
    public float[] Strongest { get; }

    /// <summary>Connected groups of strongly tied accounts with at least the minimum size, members sorted.</summary>
    public List<int[]> Groups { get; }

    /// <summary>Ties of at least <paramref name="minWeight"/>.</summary>
    public static StrongTies Find(CsrGraph ties, float minWeight, int minGroupSize) =>
        Find(ties, (_, _, weight) => weight >= minWeight, minGroupSize);

    /// <summary>Ties that <paramref name="isStrong"/> accepts, given both ends and the weight.</summary>
    public static StrongTies Find(CsrGraph ties, Func<int, int, float, bool> isStrong, int minGroupSize)
    {
        var n = ties.NodeCount;
        var degree = new int[n];
        var strongest = new float[n];
        var sets = new DisjointSets(n);
        for (var a = 0; a < n; a++)
        {
            var neighbors = ties.Neighbors(a);
            var weights = ties.NeighborWeights(a);
            for (var i = 0; i < neighbors.Length; i++)
            {
                strongest[a] = Math.Max(strongest[a], weights[i]);
                if (neighbors[i] != a && isStrong(a, neighbors[i], weights[i]))
                {
                    degree[a]++;
                    sets.Union(a, neighbors[i]);
                }
            }
        }
        var tied = Enumerable.Range(0, n).Where(a => degree[a] > 0);
        return new StrongTies(degree, strongest, sets.Groups(tied, minGroupSize));
    }
}
