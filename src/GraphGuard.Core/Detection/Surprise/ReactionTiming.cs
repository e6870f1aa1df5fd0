using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection.Surprise;

/// <summary>
/// The taste-allowed null for meetings on posts. The independence null asks how often two accounts would act
/// on the same post at all; people who share a community share tastes, so in a world of many communities
/// fans of one creator meet on its posts far more often than that, and at the day scale "within 36 hours"
/// says little more than "both liked it". This null grants the taste: given that both acted on a post, how
/// likely are their acts this close, when each reacts after the post the way the whole world reacts to posts
/// (the reaction-delay distribution, measured from every act on a post in the snapshot)? Fans meet because
/// both react within hours of posting; an order or a strike lands when its operator chooses.
/// </summary>
internal sealed class ReactionTiming
{
    private const int BinSeconds = 60;

    private readonly DetectionInput _input;
    private readonly bool[] _mask;
    private readonly int _priorFollowSeconds;
    private readonly int _followCode;
    private readonly int[] _postedAt;
    private readonly int[] _author;
    private readonly double[] _cumulative;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Reactions> _reactions = new();

    private ReactionTiming(DetectionInput input, bool[] mask, int priorFollowSeconds, int[] postedAt, int[] author, double[] cumulative)
    {
        _input = input;
        _mask = mask;
        _priorFollowSeconds = priorFollowSeconds;
        _followCode = input.Graph.ActionCode(Domain.WellKnownActions.Follow);
        _postedAt = postedAt;
        _author = author;
        _cumulative = cumulative;
    }

    /// <summary>
    /// The delays of the acts on each post after it was posted, each post weighing the same; null when the
    /// snapshot holds no such act.
    /// Posts of an author both accounts followed <paramref name="priorFollowSeconds"/> before are left out, as
    /// the meetings on them are (fans).
    /// </summary>
    public static ReactionTiming? Measure(DetectionInput input, bool[] mask, int priorFollowSeconds)
    {
        var graph = input.Graph;
        var postCode = graph.ActionCode(Domain.WellKnownActions.Post);
        if (postCode < 0)
        {
            return null;
        }
        var postedAt = new int[graph.NodeCount];
        var author = new int[graph.NodeCount];
        Array.Fill(postedAt, -1);
        double total = 0;
        var bins = new List<double>();
        for (var node = 0; node < graph.NodeCount; node++)
        {
            if (graph.Kind(node) != Domain.EntityKind.Content)
            {
                continue;
            }
            var codes = graph.InActions(node);
            var times = graph.InTimes(node);
            var post = graph.PostEdge(node, postCode);
            (postedAt[node], author[node]) = post >= 0 ? (times[post], graph.InNeighbors(node)[post]) : (-1, -1);
            var reactions = 0;
            for (var i = 0; i < codes.Length && postedAt[node] >= 0; i++)
            {
                reactions += mask[codes[i]] && times[i] >= postedAt[node] ? 1 : 0;
            }
            if (reactions == 0)
            {
                continue;
            }
            // Every post weighs the same: a farm pouring thousands of likes on a few posts must not teach the
            // null that reactions come in minutes.
            for (var i = 0; i < codes.Length; i++)
            {
                var delay = times[i] - postedAt[node];
                if (!mask[codes[i]] || delay < 0)
                {
                    continue;
                }
                var bin = delay / BinSeconds;
                while (bins.Count <= bin)
                {
                    bins.Add(0);
                }
                bins[bin] += 1.0 / reactions;
            }
            total++;
        }
        if (total == 0)
        {
            return null;
        }
        var cumulative = new double[bins.Count];
        double running = 0;
        for (var i = 0; i < bins.Count; i++)
        {
            running += bins[i];
            cumulative[i] = Math.Min(1, running / total);
        }
        return new ReactionTiming(input, mask, priorFollowSeconds, postedAt, author, cumulative);
    }

    /// <summary>
    /// The null's mean number of posts the two meet on within <paramref name="window"/> seconds, over the posts
    /// both acted on: per post, the expected pairs of acts that close (for each act of one, the chance a reaction
    /// to that post lands within the window of it, times the other's acts on it, averaged over both
    /// directions) turned into the chance of at least one such pair, as meetings are counted once per post.
    /// </summary>
    public double Expected(int a, int b, int window)
    {
        var (ra, rb) = (ReactionsOf(a), ReactionsOf(b));
        var (mine, theirs) = (ra.Acts, rb.Acts);
        double lambda = 0;
        for (int i = 0, j = 0; i < mine.Length && j < theirs.Length;)
        {
            if (mine[i].Post < theirs[j].Post)
            {
                i++;
                continue;
            }
            if (mine[i].Post > theirs[j].Post)
            {
                j++;
                continue;
            }
            var post = mine[i].Post;
            var latest = (int)Math.Min(int.MaxValue, _input.AsOf - _postedAt[post]);
            var (fromA, fromB) = (i, j);
            double chanceA = 0, chanceB = 0;
            for (; i < mine.Length && mine[i].Post == post; i++)
            {
                chanceA += Chance(mine[i].Delay, latest, window);
            }
            for (; j < theirs.Length && theirs[j].Post == post; j++)
            {
                chanceB += Chance(theirs[j].Delay, latest, window);
            }
            var earliest = _postedAt[post] + Math.Min(mine[fromA].Delay, theirs[fromB].Delay);
            if (!(ra.FollowedBefore(_author[post], earliest - _priorFollowSeconds) && rb.FollowedBefore(_author[post], earliest - _priorFollowSeconds)))
            {
                lambda += 1 - Math.Exp(-0.5 * (((j - fromB) * chanceA) + ((i - fromA) * chanceB)));
            }
        }
        return lambda;
    }

    /// <summary>P(|D − delay| ≤ window | D ≤ latest) for a reaction delay D drawn from the measured distribution.</summary>
    private double Chance(int delay, int latest, int window)
    {
        var possible = Share(latest);
        return possible <= 0 ? 1 : Math.Clamp((Share(Math.Min((long)delay + window, latest)) - Share((long)delay - window)) / possible, 0, 1);
    }

    /// <summary>Share of measured delays up to <paramref name="seconds"/>, linear within a bin.</summary>
    private double Share(long seconds)
    {
        if (seconds < 0)
        {
            return 0;
        }
        var bin = seconds / BinSeconds;
        if (bin >= _cumulative.Length)
        {
            return 1;
        }
        var below = bin == 0 ? 0 : _cumulative[bin - 1];
        return below + ((_cumulative[bin] - below) * (seconds - (bin * BinSeconds)) / BinSeconds);
    }

    /// <summary>An account's acts on posts and whom it followed when.</summary>
    private sealed record Reactions((int Post, int Delay)[] Acts, Dictionary<int, int> FirstFollow)
    {
        public bool FollowedBefore(int owner, int limit) => FirstFollow.TryGetValue(owner, out var t) && t <= limit;
    }

    /// <summary>An account's acts on posts as (post, delay after posting), sorted by post, and its follows; read once per account (pairs are judged in parallel).</summary>
    private Reactions ReactionsOf(int account) => _reactions.GetOrAdd(account, Read);

    private Reactions Read(int account)
    {
        var node = _input.Accounts.Nodes[account];
        var targets = _input.Graph.OutNeighbors(node);
        var codes = _input.Graph.OutActions(node);
        var times = _input.Graph.OutTimes(node);
        var acts = new List<(int Post, int Delay)>();
        var follows = new Dictionary<int, int>();
        for (var i = 0; i < targets.Length; i++)
        {
            var posted = _postedAt[targets[i]];
            if (posted >= 0 && _mask[codes[i]] && times[i] >= posted)
            {
                acts.Add((targets[i], times[i] - posted));
            }
            if (codes[i] == _followCode)
            {
                follows[targets[i]] = Math.Min(times[i], follows.GetValueOrDefault(targets[i], int.MaxValue));
            }
        }
        acts.Sort();
        return new Reactions([.. acts], follows);
    }
}
