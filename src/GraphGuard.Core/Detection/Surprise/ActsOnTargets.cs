namespace GraphGuard.Core.Detection.Surprise;

/// <summary>
/// Every counted act of an account on a target, grouped by target and sorted there by time (then account),
/// and each account's acts as positions into those groups. Co-activity reads the crowd around an act and an
/// account's meetings straight from it, with no graph of pairs built and sorted. Each act also carries when
/// its account first followed the target's owner, as fans of a creator are explained.
/// </summary>
internal sealed class ActsOnTargets
{
    private const int TargetsPerRange = 16_384;

    private ActsOnTargets(int[] targetStart, int accounts)
    {
        TargetStart = targetStart;
        var count = targetStart[^1];
        Account = new int[count];
        Time = new int[count];
        Target = new int[count];
        FollowedOwner = new int[count];
        AccountStart = new int[accounts + 1];
        ByAccount = new int[count];
    }

    /// <summary>Per target node, where its acts start; one more entry closes the last.</summary>
    public int[] TargetStart { get; }

    public int[] Account { get; }

    public int[] Time { get; }

    public int[] Target { get; }

    /// <summary>When the act's account first followed the target's owner; <see cref="int.MaxValue"/> when never or no owner.</summary>
    public int[] FollowedOwner { get; }

    /// <summary>Per account, where its positions start in <see cref="ByAccount"/>.</summary>
    public int[] AccountStart { get; }

    /// <summary>Each account's act positions, by target in node order and by time on one target.</summary>
    public int[] ByAccount { get; }

    public int Count => Account.Length;

    /// <summary>The first position on <paramref name="target"/> at or after <paramref name="time"/>.</summary>
    public int FirstAtOrAfter(int target, int time)
    {
        int lo = TargetStart[target], hi = TargetStart[target + 1];
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Time[mid] < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    public static ActsOnTargets Build(DetectionInput input, bool[] mask)
    {
        var graph = input.Graph;
        var start = new int[graph.NodeCount + 1];
        Parallel.For(0, graph.NodeCount, target =>
        {
            var sources = graph.InNeighbors(target);
            var codes = graph.InActions(target);
            var count = 0;
            for (var i = 0; i < sources.Length; i++)
            {
                if (mask[codes[i]] && input.Accounts.IndexOf(sources[i]) >= 0)
                {
                    count++;
                }
            }
            start[target + 1] = count;
        });
        for (var v = 0; v < graph.NodeCount; v++)
        {
            start[v + 1] += start[v];
        }
        var acts = new ActsOnTargets(start, input.Accounts.Count);
        var ranges = (graph.NodeCount + TargetsPerRange - 1) / TargetsPerRange;
        Parallel.For(0, ranges, () => new OwnerFollowers(input), (r, _, owners) =>
        {
            for (var target = r * TargetsPerRange; target < Math.Min(graph.NodeCount, (r + 1) * TargetsPerRange); target++)
            {
                acts.Fill(input, mask, target, owners);
            }
            return owners;
        }, _ => { });
        acts.IndexByAccount();
        return acts;
    }

    private void Fill(DetectionInput input, bool[] mask, int target, OwnerFollowers owners)
    {
        var graph = input.Graph;
        var sources = graph.InNeighbors(target);
        var codes = graph.InActions(target);
        var times = graph.InTimes(target);
        var at = TargetStart[target];
        for (var i = 0; i < sources.Length; i++)
        {
            var account = mask[codes[i]] ? input.Accounts.IndexOf(sources[i]) : -1;
            if (account >= 0)
            {
                Time[at] = times[i];
                Account[at++] = account;
            }
        }
        // In-edges are ordered by time, then neighbour (InteractionGraph), and account indices follow node order:
        // the acts are already sorted by time, then account.
        var from = TargetStart[target];
        var count = at - from;
        Array.Fill(Target, target, from, count);
        var followers = count >= 2 ? owners.Of(target) : null;
        for (var p = from; p < at; p++)
        {
            FollowedOwner[p] = followers is not null && followers.TryGetValue(Account[p], out var t) ? t : int.MaxValue;
        }
    }

    private void IndexByAccount()
    {
        foreach (var account in Account)
        {
            AccountStart[account + 1]++;
        }
        for (var a = 0; a + 1 < AccountStart.Length; a++)
        {
            AccountStart[a + 1] += AccountStart[a];
        }
        var next = AccountStart[..^1];
        for (var p = 0; p < Account.Length; p++)
        {
            ByAccount[next[Account[p]]++] = p;
        }
    }

    /// <summary>Per thread: who followed a target's owner, and when first; a creator's posts sit together in node order, so its followers are read once for all of them.</summary>
    private sealed class OwnerFollowers(DetectionInput input)
    {
        private readonly int _postCode = input.Graph.ActionCode(Domain.WellKnownActions.Post);
        private readonly int _followCode = input.Graph.ActionCode(Domain.WellKnownActions.Follow);
        private readonly Dictionary<int, int> _firstFollow = [];
        private int _owner = -1;

        /// <summary>The owner's followers (account index → first follow time): an account target is its own owner, a post's is its author; URLs and hashtags have none.</summary>
        public Dictionary<int, int>? Of(int target)
        {
            var graph = input.Graph;
            var owner = -1;
            if (graph.Kind(target) == Domain.EntityKind.Account)
            {
                owner = target;
            }
            else if (graph.PostEdge(target, _postCode) is var post and >= 0)
            {
                owner = graph.InNeighbors(target)[post];
            }
            if (owner < 0 || _followCode < 0)
            {
                return null;
            }
            if (owner != _owner)
            {
                _owner = owner;
                _firstFollow.Clear();
                var followers = graph.InNeighbors(owner);
                var actions = graph.InActions(owner);
                var times = graph.InTimes(owner);
                for (var i = 0; i < followers.Length; i++)
                {
                    var account = actions[i] == _followCode ? input.Accounts.IndexOf(followers[i]) : -1;
                    if (account >= 0)
                    {
                        _firstFollow.TryAdd(account, times[i]); // in-edges are in time order: the first is the earliest
                    }
                }
            }
            return _firstFollow;
        }
    }
}
