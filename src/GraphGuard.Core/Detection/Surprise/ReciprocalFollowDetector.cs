using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Detection.Surprise;

/// <summary>
/// Dense blocks in the reciprocal follow graph: follow rings, whose members follow each other to inflate
/// their counts. Mutual follows are kept, peeled to their k-core, and each connected part of at least
/// <see cref="ReciprocalFollowOptions.MinAccounts"/> is scored against a null of independent following,
/// where i follows j with chance out(i)·in(j)/F, so a mutual pair has chance out(i)in(j)out(j)in(i)/F².
/// </summary>
public sealed class ReciprocalFollowDetector(ReciprocalFollowOptions? options = null) : IDetector
{
    private readonly ReciprocalFollowOptions _options = options ?? new ReciprocalFollowOptions();

    public string Name => "reciprocal_follows";

    public DetectorResult Detect(DetectionInput input)
    {
        var n = input.Accounts.Count;
        var graph = input.Graph;
        var follow = graph.ActionCode(WellKnownActions.Follow);
        var outDegree = new int[n];
        var inDegree = new int[n];
        var directed = new List<long>();
        for (var a = 0; a < n && follow >= 0; a++)
        {
            var targets = graph.OutNeighbors(input.Accounts.Nodes[a]);
            var codes = graph.OutActions(input.Accounts.Nodes[a]);
            for (var i = 0; i < targets.Length; i++)
            {
                var b = codes[i] == follow ? input.Accounts.IndexOf(targets[i]) : -1;
                if (b >= 0 && b != a)
                {
                    directed.Add(((long)a << 32) | (uint)b);
                }
            }
        }
        directed.Sort();
        var distinct = new List<long>();
        foreach (var d in directed)
        {
            if (distinct.Count == 0 || distinct[^1] != d)
            {
                distinct.Add(d);
                outDegree[(int)(d >> 32)]++;
                inDegree[(int)d]++;
            }
        }
        var mutual = new List<int>[n];
        foreach (var d in distinct)
        {
            var (a, b) = ((int)(d >> 32), (int)d);
            if (a < b && distinct.BinarySearch(((long)b << 32) | (uint)a) >= 0)
            {
                (mutual[a] ??= []).Add(b);
                (mutual[b] ??= []).Add(a);
            }
        }
        var alive = Core(mutual, n);
        var sets = new DisjointSets(n);
        for (var a = 0; a < n; a++)
        {
            foreach (var b in mutual[a] ?? [])
            {
                if (alive[a] && alive[b])
                {
                    sets.Union(a, b);
                }
            }
        }
        var bar = Math.Log(Math.Max(1, n) / _options.FalseBlockRate);
        double follows = distinct.Count;
        var clusters = new List<DetectedCluster>();
        var inBlock = new float[n];
        foreach (var group in sets.Groups(Enumerable.Range(0, n).Where(a => alive[a]), _options.MinAccounts))
        {
            var edges = group.Sum(a => mutual[a]!.Count(b => alive[b] && Array.BinarySearch(group, b) >= 0)) / 2;
            double expected = 0;
            for (var i = 0; i < group.Length; i++)
            {
                for (var j = i + 1; j < group.Length; j++)
                {
                    var (x, y) = (group[i], group[j]);
                    expected += outDegree[x] * (double)inDegree[y] * outDegree[y] * inDegree[x] / (follows * follows);
                }
            }
            var surprise = PoissonTail.Surprise(edges, expected);
            if (surprise < bar)
            {
                continue;
            }
            foreach (var a in group)
            {
                inBlock[a] = group.Length;
            }
            var numbers = new Dictionary<string, double>
            {
                ["accounts"] = group.Length,
                ["mutual"] = edges,
                ["core"] = _options.MinMutual,
                ["expected"] = expected,
                ["log10_odds"] = surprise / Math.Log(10),
            };
            var score = Math.Clamp(1 - (0.5 * bar / surprise), 0.5, 0.99);
            clusters.Add(new DetectedCluster(Name, group, group, score,
                [new Evidence(EvidenceKind.ReciprocalFollows, numbers, [input.Accounts.Nodes[group[0]]])]));
        }
        return new DetectorResult(clusters, [("reciprocal_block_size", inBlock)]);
    }

    /// <summary>Peels accounts with fewer than k mutual follows among those left, until none is.</summary>
    private bool[] Core(List<int>[] mutual, int n)
    {
        var degree = new int[n];
        var alive = new bool[n];
        var queue = new Queue<int>();
        for (var a = 0; a < n; a++)
        {
            degree[a] = mutual[a]?.Count ?? 0;
            alive[a] = degree[a] >= _options.MinMutual;
            if (!alive[a] && degree[a] > 0)
            {
                queue.Enqueue(a);
            }
        }
        while (queue.Count > 0)
        {
            foreach (var b in mutual[queue.Dequeue()]!)
            {
                if (alive[b] && --degree[b] < _options.MinMutual)
                {
                    alive[b] = false;
                    queue.Enqueue(b);
                }
            }
        }
        return alive;
    }
}
