namespace GraphGuard.Core.Detection.Surprise;

public sealed partial class CoActivityDetector
{
    /// <summary>
    /// At one scale, the crowd around each act (acts on its target within the window, itself included), and per
    /// kind of target and account the summed crowds of its acts other than itself: the null's exposure. Acts in
    /// a crowd over the scale's cap are left out of both, so exposure and meetings count the same windows.
    /// </summary>
    private sealed record Crowd(int Window, int Cap, int[] Size, long[][] PerAccount)
    {
        /// <summary>Whether the act at <paramref name="position"/> sits in a crowd small enough to count at this scale.</summary>
        public bool Counts(int position) => Size[position] <= Cap;
    }

    private Crowd Crowds(ActsOnTargets acts, byte[] kinds, int scale)
    {
        var window = _options.Scales[scale];
        var cap = _options.MaxCrowd[Math.Min(scale, _options.MaxCrowd.Count - 1)];
        var size = new int[acts.Count];
        Parallel.For(0, acts.TargetStart.Length - 1, target =>
        {
            int lo = acts.TargetStart[target], hi = acts.TargetStart[target + 1];
            for (int i = lo, from = lo, to = lo; i < hi; i++)
            {
                while (acts.Time[i] - acts.Time[from] > window)
                {
                    from++;
                }
                while (to < hi && acts.Time[to] - acts.Time[i] <= window)
                {
                    to++;
                }
                size[i] = to - from;
            }
        });
        var perAccount = new long[KindCount][];
        for (var k = 0; k < KindCount; k++)
        {
            perAccount[k] = new long[acts.AccountStart.Length - 1];
        }
        Parallel.For(0, acts.AccountStart.Length - 1, a =>
        {
            for (var i = acts.AccountStart[a]; i < acts.AccountStart[a + 1]; i++)
            {
                var p = acts.ByAccount[i];
                if (size[p] <= cap)
                {
                    perAccount[kinds[acts.Target[p]]][a] += size[p] - 1;
                }
            }
        });
        return new Crowd(window, cap, size, perAccount);
    }

    /// <summary>
    /// Every pair's meetings at every scale, each pair read from its lower account, judged against the nulls:
    /// the ties that beat the bar (in scale, then account order) and each account's best surprise over the bar.
    /// </summary>
    private (List<Tie> Ties, float[] Best) TiedPairs(ActsOnTargets acts, byte[] kinds, Crowd[] crowds, Exposure[] exposures, ReactionTiming? reactions, double threshold)
    {
        var n = acts.AccountStart.Length - 1;
        var ties = new List<(int Scale, Tie Tie)>();
        var best = new float[n];
        Parallel.For(0, n, () => new Meetings(n, crowds.Length), (a, _, local) =>
        {
            Meet(acts, kinds, crowds, a, local);
            for (var s = 0; s < crowds.Length; s++)
            {
                foreach (var b in local.Partners[s])
                {
                    var c = local.Take(s, b);
                    if (c.All < _options.MinSharedTargets)
                    {
                        continue;
                    }
                    var surprise = Surprise(c, exposures[s], a, b, reactions, crowds[s].Window, threshold);
                    local.Best[a] = Math.Max(local.Best[a], (float)(surprise / threshold));
                    local.Best[b] = Math.Max(local.Best[b], (float)(surprise / threshold));
                    if (surprise >= threshold)
                    {
                        local.Ties.Add((s, new Tie(a, b, surprise, crowds[s].Window, c.All)));
                    }
                }
                local.Partners[s].Clear();
            }
            return local;
        },
        local =>
        {
            lock (ties)
            {
                ties.AddRange(local.Ties);
                for (var a = 0; a < n; a++)
                {
                    best[a] = Math.Max(best[a], local.Best[a]);
                }
            }
        });
        return ([.. ties.OrderBy(t => t.Scale).ThenBy(t => t.Tie.A).ThenBy(t => t.Tie.B).Select(t => t.Tie)], best);
    }

    /// <summary>
    /// Account <paramref name="a"/>'s meetings with higher accounts at every scale: an act of each on one target
    /// within the scale's window, unless either act sits in a crowd over the scale's cap or both had followed the
    /// target's owner long before. A pair meets again on a target only in a later window: a brigade under the
    /// same victim day after day meets once a day, one session once. Each act's widest window is read once for
    /// all scales.
    /// </summary>
    private void Meet(ActsOnTargets acts, byte[] kinds, Crowd[] crowds, int a, Meetings local)
    {
        var scales = crowds.Length;
        var mine = acts.ByAccount.AsSpan(acts.AccountStart[a], acts.AccountStart[a + 1] - acts.AccountStart[a]);
        for (var run = 0; run < mine.Length;)
        {
            var target = acts.Target[mine[run]];
            var end = run + 1;
            while (end < mine.Length && acts.Target[mine[end]] == target)
            {
                end++;
            }
            // With one act on the target, meetings come in the order of their earlier act as they are read;
            // with several, they are gathered and sorted into that order, which the window rule follows.
            var inOrder = end - run == 1;
            var onContent = kinds[target] == ContentKind;
            local.NextTarget();
            for (var s = 0; s < scales; s++)
            {
                local.Found[s].Clear();
            }
            var stop = acts.TargetStart[target + 1];
            for (var i = run; i < end; i++)
            {
                var p = mine[i];
                var widest = 0;
                for (var s = 0; s < scales; s++)
                {
                    if (crowds[s].Counts(p))
                    {
                        widest = Math.Max(widest, crowds[s].Window);
                    }
                }
                if (widest == 0)
                {
                    continue;
                }
                for (var q = acts.FirstAtOrAfter(target, acts.Time[p] - widest); q < stop && acts.Time[q] - acts.Time[p] <= widest; q++)
                {
                    if (acts.Account[q] <= a)
                    {
                        continue;
                    }
                    var apart = Math.Abs(acts.Time[q] - acts.Time[p]);
                    var (first, second) = q < p ? (q, p) : (p, q);
                    for (var s = 0; s < scales; s++)
                    {
                        if (apart <= crowds[s].Window && crowds[s].Counts(p) && crowds[s].Counts(q))
                        {
                            if (inOrder)
                            {
                                Record(acts, s, crowds[s].Window, first, second, acts.Account[q], onContent, local);
                            }
                            else
                            {
                                local.Found[s].Add((first, second));
                            }
                        }
                    }
                }
            }
            for (var s = 0; !inOrder && s < scales; s++)
            {
                local.Found[s].Sort();
                foreach (var (first, second) in local.Found[s])
                {
                    Record(acts, s, crowds[s].Window, first, second, acts.Account[first] == a ? acts.Account[second] : acts.Account[first], onContent, local);
                }
            }
            run = end;
        }
    }

    /// <summary>Counts a meeting with <paramref name="b"/> unless it repeats one on this target or both had long followed its owner.</summary>
    private void Record(ActsOnTargets acts, int scale, int window, int first, int second, int b, bool onContent, Meetings local)
    {
        if (!local.Again(scale, b, acts.Time[first], 2 * window))
        {
            var limit = acts.Time[first] - PriorFollowSeconds;
            if (acts.FollowedOwner[first] > limit || acts.FollowedOwner[second] > limit)
            {
                local.Count(scale, b, onContent);
            }
        }
    }

    private int PriorFollowSeconds => _options.PriorFollowSeconds;

    /// <summary>Per thread: one account's meeting counts by scale and partner, the ties found and the best surprises seen.</summary>
    private sealed class Meetings
    {
        private readonly int[][] _all;
        private readonly int[][] _onContent;
        private readonly int[][] _seenAt;
        private readonly int[][] _lastMeeting;
        private int _target;

        public Meetings(int accounts, int scales)
        {
            int[][] PerScale() => [.. Enumerable.Range(0, scales).Select(_ => new int[accounts])];
            (_all, _onContent, _seenAt, _lastMeeting) = (PerScale(), PerScale(), PerScale(), PerScale());
            Found = [.. Enumerable.Range(0, scales).Select(_ => new List<(int, int)>())];
            Partners = [.. Enumerable.Range(0, scales).Select(_ => new List<int>())];
            Best = new float[accounts];
        }

        public List<(int First, int Second)>[] Found { get; }

        public List<int>[] Partners { get; }

        public List<(int Scale, Tie Tie)> Ties { get; } = [];

        public float[] Best { get; }

        public void NextTarget() => _target++;

        /// <summary>Whether <paramref name="b"/> already met the account on this target at this scale within <paramref name="gap"/> before <paramref name="time"/>; records this meeting either way.</summary>
        public bool Again(int scale, int b, int time, int gap)
        {
            var again = _seenAt[scale][b] == _target && time - _lastMeeting[scale][b] <= gap;
            if (!again)
            {
                _seenAt[scale][b] = _target;
                _lastMeeting[scale][b] = time;
            }
            return again;
        }

        public void Count(int scale, int b, bool onContent)
        {
            if (_all[scale][b]++ == 0)
            {
                Partners[scale].Add(b);
            }
            if (onContent)
            {
                _onContent[scale][b]++;
            }
        }

        /// <summary>The meetings counted with <paramref name="b"/> at this scale, which are then forgotten.</summary>
        public MeetingCount Take(int scale, int b)
        {
            var c = new MeetingCount(_all[scale][b], _onContent[scale][b]);
            _all[scale][b] = _onContent[scale][b] = 0;
            return c;
        }
    }
}
