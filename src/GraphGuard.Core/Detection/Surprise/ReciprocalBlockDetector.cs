using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection.Surprise;

/// <summary>
/// Dense blocks in a reciprocal relation between accounts: follow rings, whose members follow each other to
/// inflate their counts, and engagement pods, whose members like and comment on each other's posts. Pairs
/// related both ways are kept, peeled to their k-core, and each connected part of at least
/// <see cref="ReciprocalBlockOptions.MinAccounts"/> is scored against a null of independent choice, where i
/// relates to j with chance out(i)·in(j)/F, so a mutual pair has chance out(i)in(j)out(j)in(i)/F².
/// </summary>
public sealed class ReciprocalBlockDetector(ReciprocalRelation relation, ReciprocalBlockOptions? options = null) : IDetector
{
    private readonly ReciprocalBlockOptions _options = options ?? new ReciprocalBlockOptions();

    public string Name => relation == ReciprocalRelation.Follows ? "reciprocal_follows" : "reciprocal_engagement";

    public DetectorResult Detect(DetectionInput input)
    {
        var n = input.Accounts.Count;
        var outDegree = new int[n];
        var inDegree = new int[n];
        var directed = Directed(input);
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
            var kind = relation == ReciprocalRelation.Follows ? EvidenceKind.ReciprocalFollows : EvidenceKind.ReciprocalEngagement;
            clusters.Add(new DetectedCluster(Name, group, group, score, [new Evidence(kind, numbers, [input.Accounts.Nodes[group[0]]])]));
        }
        return new DetectorResult(clusters, [(relation == ReciprocalRelation.Follows ? "reciprocal_block_size" : "reciprocal_engagement_block_size", inBlock)]);
    }

    /// <summary>
    /// Account a related to account b, as a &lt;&lt; 32 | b, once per act: a follows b, or a liked, commented on or
    /// shared a post b wrote.
    /// </summary>
    private List<long> Directed(DetectionInput input)
    {
        var graph = input.Graph;
        var follow = graph.ActionCode(WellKnownActions.Follow);
        var post = graph.ActionCode(WellKnownActions.Post);
        var engage = new bool[256];
        foreach (var action in new[] { WellKnownActions.Like, WellKnownActions.Comment, WellKnownActions.Share })
        {
            if (graph.ActionCode(action) is var code and >= 0)
            {
                engage[code] = true;
            }
        }
        var directed = new List<long>();
        for (var a = 0; a < input.Accounts.Count; a++)
        {
            var targets = graph.OutNeighbors(input.Accounts.Nodes[a]);
            var codes = graph.OutActions(input.Accounts.Nodes[a]);
            for (var i = 0; i < targets.Length; i++)
            {
                var b = relation switch
                {
                    ReciprocalRelation.Follows => codes[i] == follow && follow >= 0 ? input.Accounts.IndexOf(targets[i]) : -1,
                    _ => engage[codes[i]] ? Author(graph, targets[i], post, input.Accounts) : -1,
                };
                if (b >= 0 && b != a)
                {
                    directed.Add(((long)a << 32) | (uint)b);
                }
            }
        }
        return directed;
    }

    /// <summary>The account that posted <paramref name="content"/>; -1 for anything else.</summary>
    private static int Author(InteractionGraph graph, int content, int post, AccountIndex accounts)
    {
        var edge = graph.Kind(content) == EntityKind.Content ? graph.PostEdge(content, post) : -1;
        return edge >= 0 ? accounts.IndexOf(graph.InNeighbors(content)[edge]) : -1;
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
