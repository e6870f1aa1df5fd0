using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Detection.Surprise;

/// <summary>
/// Takeovers as a change point: long-lived accounts that move, at about the same time, onto devices or IPs none
/// of them had used before, shared with each other, and then change what they do.
/// </summary>
/// <remarks>
/// Implementation note, in four steps.
/// 1. Moves: an account's first use of a device, IP or phone once it has lived <see cref="TakeoverOptions.MinHistorySeconds"/>.
/// 2. Bursts: per device or IP, moves within <see cref="TakeoverOptions.BurstSeconds"/> of the previous one; accounts in a
///    burst are joined, and so are bursts that share an account (one takeover moves an account onto a device and an IP).
/// 3. Change: each account of a group is compared with itself — per kind of action, its count over a day, a week and
///    a month after its move against its own rate over the 90 days before (Poisson); it stays only if some kind rose
///    beyond ln(kinds × horizons / <see cref="TakeoverOptions.FalseChangeRate"/>). A household that moves house or
///    buys phones keeps doing what it did; a taken-over account starts working for its new owner.
/// 4. Surprise: the null is that accounts take up these devices and IPs at the rate they do since each appeared
///    (n_X moves onto X since its first use T_X ago): within the group's span s (a day at least), λ = Σ n_X · s / T_X moves are expected, and
///    −ln P(Poisson(λ) ≥ accounts) must beat ln(bursts / <see cref="TakeoverOptions.FalseGroupRate"/>). An address that
///    people join a few at a time all year (a carrier's NAT, a café) expects many; a pool that thirty old accounts
///    joined in one night expects a fraction of one.
/// </remarks>
public sealed partial class TakeoverDetector(TakeoverOptions? options = null) : IDetector
{
    private readonly TakeoverOptions _options = options ?? new TakeoverOptions();

    public string Name => "takeover";

    private readonly record struct Move(int Entity, int Time, int Account);

    public DetectorResult Detect(DetectionInput input)
    {
        var (moves, users, start) = Moves(input);
        var sets = new DisjointSets(input.Accounts.Count);
        var bursts = new List<(int Entity, int From, int To)>();
        var takeUpRate = new Dictionary<int, double>();
        for (var i = 0; i < moves.Count;)
        {
            var entity = moves[i].Entity;
            var end = i;
            while (end < moves.Count && moves[end].Entity == entity)
            {
                end++;
            }
            var (count, firstUse) = users[entity];
            takeUpRate[entity] = (end - i) / (double)Math.Max(_options.BurstSeconds, input.AsOf - firstUse);
            if (count <= _options.MaxAccountsPerEntity)
            {
                for (var from = i; from < end;)
                {
                    var to = from + 1;
                    while (to < end && moves[to].Time - moves[to - 1].Time <= _options.BurstSeconds)
                    {
                        sets.Union(moves[from].Account, moves[to].Account);
                        to++;
                    }
                    if (to - from >= 2)
                    {
                        bursts.Add((entity, from, to));
                    }
                    from = to;
                }
            }
            i = end;
        }
        var bar = Math.Log(Math.Max(1, bursts.Count) / _options.FalseGroupRate);
        var burstsOf = bursts.GroupBy(b => sets.Find(moves[b.From].Account)).ToDictionary(g => g.Key, g => g.ToList());
        var clusters = new List<DetectedCluster>();
        foreach (var group in sets.Groups(bursts.SelectMany(b => Enumerable.Range(b.From, b.To - b.From)).Select(m => moves[m].Account).Distinct(), _options.MinAccounts))
        {
            var mine = burstsOf[sets.Find(group[0])];
            // Each account's change point is its first move in the group's bursts.
            var changedAt = new Dictionary<int, int>();
            foreach (var (_, from, to) in mine)
            {
                for (var m = from; m < to; m++)
                {
                    changedAt[moves[m].Account] = Math.Min(changedAt.GetValueOrDefault(moves[m].Account, int.MaxValue), moves[m].Time);
                }
            }
            var changes = group.Select(a => Change(input, a, changedAt[a], start[a])).Where(c => c.Changed).ToList();
            if (changes.Count < _options.MinAccounts)
            {
                continue;
            }
            var first = changes.Min(c => c.At);
            var last = changes.Max(c => c.At);
            var entities = mine.Select(b => b.Entity).Distinct().ToList();
            var expected = entities.Sum(e => takeUpRate[e]) * Math.Max(_options.BurstSeconds, last - first);
            var surprise = PoissonTail.Surprise(changes.Count, expected);
            if (surprise < bar)
            {
                continue;
            }
            clusters.Add(Cluster(input, changes, mine, moves, start, expected, surprise, bar));
        }
        return new DetectorResult(clusters, []);
    }

    private DetectedCluster Cluster(DetectionInput input, List<MemberChange> changes, List<(int Entity, int From, int To)> bursts, List<Move> moves,
        long[] start, double expected, double surprise, double bar)
    {
        int[] members = [.. changes.Select(c => c.Account).Order()];
        var inGroup = members.ToHashSet();
        var examples = bursts
            .Select(b => (b.Entity, Accounts: moves.Skip(b.From).Take(b.To - b.From).Count(m => inGroup.Contains(m.Account))))
            .OrderByDescending(x => x.Accounts).ThenBy(x => x.Entity).Select(x => x.Entity).Distinct().Take(3).ToList();
        const double day = 86_400;
        var evidence = new Evidence(EvidenceKind.Takeover, new Dictionary<string, double>
        {
            ["accounts"] = members.Length,
            ["median_age_days"] = Median(changes.Select(c => (c.At - start[c.Account]) / day)),
            ["hours"] = (changes.Max(c => c.At) - changes.Min(c => c.At)) / 3600.0,
            ["shared"] = bursts.Select(b => b.Entity).Distinct().Count(),
            ["expected"] = expected,
            ["log10_odds"] = surprise / Math.Log(10),
            ["threshold_log10"] = bar / Math.Log(10),
            ["rate_before"] = Median(changes.Select(c => c.RateBefore)),
            ["rate_after"] = Median(changes.Select(c => c.RateAfter)),
            ["new_targets"] = NewTargets(input, changes),
        }, examples);
        return new DetectedCluster(Name, members, members, 1 - (0.5 * bar / surprise), [evidence]);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static bool IsInfrastructure(EntityKind kind) => kind is EntityKind.Device or EntityKind.Ip or EntityKind.Phone;

    /// <summary>Every move (sorted by entity, then time), accounts and first use per entity, and each account's start.</summary>
    private (List<Move> Moves, Dictionary<int, (int Accounts, int FirstUse)> Users, long[] Start) Moves(DetectionInput input)
    {
        var graph = input.Graph;
        var moves = new List<Move>();
        var users = new Dictionary<int, (int Accounts, int FirstUse)>();
        var start = new long[input.Accounts.Count];
        var firstUse = new Dictionary<int, int>();
        for (var a = 0; a < input.Accounts.Count; a++)
        {
            var node = input.Accounts.Nodes[a];
            var targets = graph.OutNeighbors(node);
            var times = graph.OutTimes(node);
            start[a] = input.CreatedAt[a] == long.MinValue ? long.MaxValue : input.CreatedAt[a];
            firstUse.Clear();
            for (var i = 0; i < targets.Length; i++)
            {
                start[a] = Math.Min(start[a], times[i]);
                if (IsInfrastructure(graph.Kind(targets[i])))
                {
                    firstUse[targets[i]] = Math.Min(firstUse.GetValueOrDefault(targets[i], int.MaxValue), times[i]);
                }
            }
            foreach (var (entity, time) in firstUse)
            {
                var (accounts, firstSeen) = users.GetValueOrDefault(entity, (0, int.MaxValue));
                users[entity] = (accounts + 1, Math.Min(firstSeen, time));
                if (time - start[a] >= _options.MinHistorySeconds)
                {
                    moves.Add(new Move(entity, time, a));
                }
            }
        }
        moves.Sort((x, y) => x.Entity != y.Entity ? x.Entity.CompareTo(y.Entity) : x.Time != y.Time ? x.Time.CompareTo(y.Time) : x.Account.CompareTo(y.Account));
        return (moves, users, start);
    }
}
