using GraphGuard.Core.Drift;
using GraphGuard.Storage.Workspace;

namespace GraphGuard.Api.Workspace;

/// <summary>
/// A cluster's key features: the graph features on which its members' median stands furthest from the run's whole
/// population, ranked on the decile profile the drift stage kept for the run. At most three, and only where the median
/// lies in the population's top or bottom fifth: what sets these accounts apart, shown beside each member's own value.
/// </summary>
internal static class KeyFeatures
{
    private const int MaxFeatures = 3;

    // A rank of 0.8 or more (or 0.2 or less): the members' median sits in the outer fifth of all accounts.
    private const double MinDistanceFromMiddle = 0.3;

    /// <summary>The chosen features (column in <paramref name="features"/>, members' median, its rank among all accounts), most unusual first.</summary>
    public static List<(string Name, int Column, double Median, double Rank)> Choose(AccountFeatureValues features,
        IReadOnlyDictionary<string, DistributionProfile> profiles, IReadOnlyList<int> members)
    {
        var chosen = new List<(string Name, int Column, double Median, double Rank)>();
        for (var column = 0; column < features.Names.Count; column++)
        {
            if (!profiles.TryGetValue(features.Names[column], out var profile))
            {
                continue;
            }
            var values = members.Select(m => ValueOf(features, m, column)).OfType<float>().Order().ToList();
            // A feature most members lack (NaN) says little about the cluster.
            if (values.Count == 0 || values.Count * 2 < members.Count)
            {
                continue;
            }
            var half = values.Count / 2;
            var median = values.Count % 2 == 1 ? values[half] : (values[half - 1] + (double)values[half]) / 2;
            var rank = profile.RankOf(median);
            if (Math.Abs(rank - 0.5) >= MinDistanceFromMiddle)
            {
                chosen.Add((features.Names[column], column, median, rank));
            }
        }
        return [.. chosen.OrderByDescending(f => Math.Abs(f.Rank - 0.5)).ThenBy(f => f.Name, StringComparer.Ordinal).Take(MaxFeatures)];
    }

    /// <summary>An account's value of one feature column; null when it has none (no row, or NaN).</summary>
    public static float? ValueOf(AccountFeatureValues features, int account, int column) =>
        features.Values.TryGetValue(account, out var values) && column < values.Length && !float.IsNaN(values[column]) ? values[column] : null;
}
