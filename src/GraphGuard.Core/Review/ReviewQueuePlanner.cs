using System.Globalization;

namespace GraphGuard.Core.Review;

/// <summary>
/// Fills a run's review budget: first a random slice stratified by band (equal allocation, so even a thin top
/// band gets enough decisions for a precision estimate), then uncertainty sampling — the undecided accounts whose
/// scores lie nearest a band boundary — with one representative per cluster, whose decision is meant for the
/// whole cluster.
/// </summary>
public static class ReviewQueuePlanner
{
    /// <summary>The queue for one run; <paramref name="candidates"/> may come in any order.</summary>
    public static IReadOnlyList<ReviewItem> Plan(IReadOnlyList<ReviewCandidate> candidates, IReadOnlyList<ReviewBand> bands, ReviewQueueOptions options, long runId)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(options);
        var ordered = candidates.OrderBy(c => c.AccountId).ToList();
        var items = new List<ReviewItem>(options.Budget);
        var taken = new HashSet<int>();
        foreach (var (candidate, inclusion, drawn, population) in RandomSlice(ordered, bands, Math.Min(options.RandomItems, options.Budget), new Random(unchecked(options.Seed * 1_000_003 + (int)runId))))
        {
            taken.Add(candidate.AccountId);
            items.Add(new ReviewItem(0, candidate.AccountId, null, ReviewItemKind.Random, candidate.Band, candidate.Score, inclusion,
                string.Create(CultureInfo.InvariantCulture, $"random draw from band {candidate.Band}: {drawn} of its {population:N0} accounts, so the decisions estimate the band's precision without bias")));
        }
        var boundaries = bands.Skip(1).ToList();
        var clusters = new HashSet<long>();
        foreach (var (candidate, boundary, distance) in ordered
                     .Where(c => !c.Decided && !taken.Contains(c.AccountId) && boundaries.Count > 0)
                     .Select(c => Nearest(c, boundaries))
                     .OrderBy(x => x.Distance).ThenBy(x => x.Candidate.AccountId))
        {
            if (items.Count >= options.Budget)
            {
                break;
            }
            if (candidate.ClusterId is { } cluster && !clusters.Add(cluster))
            {
                continue;
            }
            var side = candidate.Score >= boundary.Minimum ? "above" : "below";
            var why = string.Create(CultureInfo.InvariantCulture,
                $"score {candidate.Score:0.000} is {distance:0.000} {side} the {boundary.Name} boundary ({boundary.Minimum:0.###}), where the model is least sure");
            if (candidate.ClusterId is { } id)
            {
                why += string.Create(CultureInfo.InvariantCulture, $"; it represents cluster {id} ({candidate.ClusterSize} members): decide the cluster");
            }
            items.Add(new ReviewItem(0, candidate.AccountId, candidate.ClusterId, ReviewItemKind.Uncertain, candidate.Band, candidate.Score, 1, why));
        }
        // Uncertain items first (they teach the model most), the random slice after them.
        return [.. items.OrderBy(i => i.Kind).Select((item, i) => item with { Position = i + 1 })];
    }

    private static (ReviewCandidate Candidate, ReviewBand Boundary, double Distance) Nearest(ReviewCandidate candidate, List<ReviewBand> boundaries)
    {
        var best = boundaries[0];
        foreach (var b in boundaries)
        {
            if (Math.Abs(candidate.Score - b.Minimum) < Math.Abs(candidate.Score - best.Minimum))
            {
                best = b;
            }
        }
        return (candidate, best, Math.Abs(candidate.Score - best.Minimum));
    }

    /// <summary>
    /// <paramref name="size"/> accounts drawn without replacement, split as evenly as the bands allow (the higher
    /// bands get the remainder); each with its inclusion probability, its band's sample size and population.
    /// </summary>
    private static IEnumerable<(ReviewCandidate Candidate, double Inclusion, int Drawn, int Population)> RandomSlice(
        List<ReviewCandidate> ordered, IReadOnlyList<ReviewBand> bands, int size, Random random)
    {
        var strata = bands.Reverse().Select(b => ordered.Where(c => c.Band == b.Name).ToList()).Where(s => s.Count > 0).ToList();
        var quota = new int[strata.Count];
        for (var left = size; left > 0;)
        {
            var open = Enumerable.Range(0, strata.Count).Where(s => quota[s] < strata[s].Count).ToList();
            if (open.Count == 0)
            {
                break;
            }
            foreach (var s in open.Take(left))
            {
                quota[s]++;
                left--;
            }
        }
        for (var s = 0; s < strata.Count; s++)
        {
            var stratum = strata[s];
            // Partial Fisher-Yates over the stratum in account order: the first quota[s] places are a uniform sample.
            var order = Enumerable.Range(0, stratum.Count).ToArray();
            for (var i = 0; i < quota[s]; i++)
            {
                var j = random.Next(i, order.Length);
                (order[i], order[j]) = (order[j], order[i]);
            }
            foreach (var i in order.Take(quota[s]).Order())
            {
                yield return (stratum[i], (double)quota[s] / stratum.Count, quota[s], stratum.Count);
            }
        }
    }
}
