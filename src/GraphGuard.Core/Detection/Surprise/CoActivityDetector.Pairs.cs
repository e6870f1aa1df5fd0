using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection.Surprise;

public sealed partial class CoActivityDetector
{
    /// <summary>
    /// Per time scale, one edge per pair of accounts per meeting on a target (acts within the scale's window),
    /// unless the crowd is too large or both had followed the target's owner long before; meetings on content
    /// apart from the rest, as the taste-allowed null judges them apart. Adds to
    /// <paramref name="crowd"/> (scale, kind of target, account) each account's summed crowd sizes (other acts
    /// within the window of each of its acts): the null's exposure. Each target's acts are read and sorted
    /// once for every scale.
    /// </summary>
    private (EdgeList[] Elsewhere, EdgeList[] OnContent) CoActingPairs(DetectionInput input, bool[] mask, byte[] kinds, long[][][] crowd)
    {
        var graph = input.Graph;
        var postCode = graph.ActionCode(Domain.WellKnownActions.Post);
        var followCode = graph.ActionCode(Domain.WellKnownActions.Follow);
        var scales = _options.Scales.Count;
        var ranges = (graph.NodeCount + TargetsPerRange - 1) / TargetsPerRange;
        var parts = new EdgeList[scales, ranges];
        var contentParts = new EdgeList[scales, ranges];
        Parallel.For(0, ranges,
            () => new Scratch(),
            (r, _, local) =>
            {
                var edges = new EdgeList[scales];
                var onContent = new EdgeList[scales];
                for (var s = 0; s < scales; s++)
                {
                    edges[s] = parts[s, r] = new EdgeList();
                    onContent[s] = contentParts[s, r] = new EdgeList();
                }
                for (var target = r * TargetsPerRange; target < Math.Min(graph.NodeCount, (r + 1) * TargetsPerRange); target++)
                {
                    Collect(input, target, mask, local.Acts);
                    if (local.Acts.Count < 2)
                    {
                        continue;
                    }
                    local.OwnerLoaded = false;
                    for (var s = 0; s < scales; s++)
                    {
                        Meetings(input, target, kinds[target], s, local, kinds[target] == ContentKind ? onContent[s] : edges[s], crowd[s], postCode, followCode);
                    }
                }
                return local;
            },
            _ => { });
        EdgeList[] Joined(EdgeList[,] pieces) => [.. Enumerable.Range(0, scales).Select(s => EdgeList.Concatenate([.. Enumerable.Range(0, ranges).Select(r => pieces[s, r])]))];
        return (Joined(parts), Joined(contentParts));
    }

    private void Meetings(DetectionInput input, int target, int kind, int scale, Scratch local, EdgeList edges, long[][] crowd, int postCode, int followCode)
    {
        var window = _options.Scales[scale];
        var maxCrowd = _options.MaxCrowd[Math.Min(scale, _options.MaxCrowd.Count - 1)];
        var list = local.Acts;
        var sizes = local.Sizes;
        sizes.Clear();
        for (int i = 0, from = 0, to = 0; i < list.Count; i++)
        {
            while (list[i].Time - list[from].Time > window)
            {
                from++;
            }
            while (to < list.Count && list[to].Time - list[i].Time <= window)
            {
                to++;
            }
            sizes.Add(to - from);
            // The null's exposure counts only the windows whose pairs are counted, so both sides agree.
            if (to - from <= maxCrowd)
            {
                Interlocked.Add(ref crowd[kind][list[i].Account], to - from - 1);
            }
        }
        local.Seen.Clear();
        for (var i = 0; i < list.Count; i++)
        {
            if (sizes[i] > maxCrowd)
            {
                continue;
            }
            for (var j = i + 1; j < list.Count && list[j].Time - list[i].Time <= window; j++)
            {
                var (a, b) = (Math.Min(list[i].Account, list[j].Account), Math.Max(list[i].Account, list[j].Account));
                var key = ((long)a << 32) | (uint)b;
                // A pair meets again on the same target only in a later window: each meeting is one more
                // co-action (a brigade under the same victim day after day), one session is one.
                if (a == b || sizes[j] > maxCrowd || (local.Seen.TryGetValue(key, out var last) && list[i].Time - last <= 2 * window))
                {
                    continue;
                }
                local.Seen[key] = list[i].Time;
                if (!local.OwnerLoaded)
                {
                    local.LoadOwner(input, target, postCode, followCode);
                }
                var limit = list[i].Time - PriorFollowSeconds;
                if (local.FollowedBefore(list[i].Account, limit) && local.FollowedBefore(list[j].Account, limit))
                {
                    continue;
                }
                edges.Add(a, b, 1f);
            }
        }
    }

    private int PriorFollowSeconds => _options.PriorFollowSeconds;

    /// <summary>The acts on <paramref name="target"/> by accounts, sorted by time.</summary>
    private static void Collect(DetectionInput input, int target, bool[] mask, List<(int Time, int Account)> acts)
    {
        acts.Clear();
        var sources = input.Graph.InNeighbors(target);
        var codes = input.Graph.InActions(target);
        var times = input.Graph.InTimes(target);
        for (var i = 0; i < sources.Length; i++)
        {
            var account = mask[codes[i]] ? input.Accounts.IndexOf(sources[i]) : -1;
            if (account >= 0)
            {
                acts.Add((times[i], account));
            }
        }
        acts.Sort();
    }

    /// <summary>Per-thread buffers, and who followed the current target's owner when.</summary>
    private sealed class Scratch
    {
        public List<(int Time, int Account)> Acts { get; } = [];

        public List<int> Sizes { get; } = [];

        public Dictionary<long, int> Seen { get; } = [];

        /// <summary>Whether <see cref="LoadOwner"/> ran for the current target.</summary>
        public bool OwnerLoaded { get; set; }

        private int _owner = -1;
        private int _followsOf = -1;

        private readonly Dictionary<int, int> _firstFollow = [];

        public bool FollowedBefore(int account, int limit) => _firstFollow.TryGetValue(account, out var t) && t <= limit;

        /// <summary>The owner: the account itself, or a post's author; URLs and hashtags have none.</summary>
        public void LoadOwner(DetectionInput input, int target, int postCode, int followCode)
        {
            OwnerLoaded = true;
            var graph = input.Graph;
            _owner = -1;
            if (graph.Kind(target) == Domain.EntityKind.Account)
            {
                _owner = target;
            }
            else if (graph.PostEdge(target, postCode) is var post and >= 0)
            {
                _owner = graph.InNeighbors(target)[post];
            }
            // A creator's posts sit next to each other in node order: its followers are read once for all of them.
            if (_owner == _followsOf)
            {
                return;
            }
            _firstFollow.Clear();
            _followsOf = _owner;
            if (_owner < 0 || followCode < 0)
            {
                return;
            }
            var followers = graph.InNeighbors(_owner);
            var actions = graph.InActions(_owner);
            var times = graph.InTimes(_owner);
            for (var i = 0; i < followers.Length; i++)
            {
                var account = actions[i] == followCode ? input.Accounts.IndexOf(followers[i]) : -1;
                if (account >= 0 && !_firstFollow.ContainsKey(account))
                {
                    _firstFollow[account] = times[i]; // in-edges are in time order: the first is the earliest
                }
            }
        }
    }
}
