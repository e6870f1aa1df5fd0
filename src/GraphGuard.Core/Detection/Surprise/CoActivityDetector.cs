using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection.Surprise;

/// <summary>
/// Co-activity scored against a null model of independent behaviour. Two accounts "co-act" when they act
/// on the same target within one window of each other (at several time scales). Under the null each
/// account draws its acts independently, in proportion to how busy each target is at that moment, so the
/// chance that a pair co-acts on a given act of one of them is (the other's act count) × (acts on that
/// target within the window) / (all acts). Summed over a pair's acts that is a Poisson mean λ that already
/// holds activity rates, target popularity and time of day; the pair's surprise is −ln P(Poisson(λ) ≥ c)
/// for its c co-acted targets. Acts on posts of an account both had followed long before are explained
/// (fans) and do not count. A pair is tied when its surprise is rare enough that chance ties stay a
/// subcritical random graph (see <see cref="CoActivityOptions.FalseTieRate"/>); tied groups, split into communities, are the clusters. In the spirit of SynchroTrap and
/// CopyCatch, with the fixed thresholds replaced by a null model.
/// </summary>
public sealed partial class CoActivityDetector(CoActivityOptions? options = null) : IDetector
{
    private readonly CoActivityOptions _options = options ?? new CoActivityOptions();

    public string Name => "co_activity";

    /// <summary>The tie bar, in nats, for <paramref name="activeAccounts"/> accounts that acted.</summary>
    public double Threshold(long activeAccounts) =>
        Math.Log(Math.Max(1.0, (activeAccounts - 1) / 2.0) * _options.Scales.Count / _options.FalseTieRate);

    public DetectorResult Detect(DetectionInput input)
    {
        var n = input.Accounts.Count;
        var mask = ActionMask(input.Graph);
        var kinds = TargetKinds(input.Graph);
        var acts = CountActs(input, mask, kinds);
        var total = acts.Select(a => a.Sum()).ToArray();
        long active = Enumerable.Range(0, n).Count(a => acts.Any(k => k[a] > 0));
        var threshold = Threshold(active);
        if (total.Sum() == 0)
        {
            return new DetectorResult(Clusters(input, mask, [], threshold), [("co_activity_surprise", new float[n])]);
        }
        var onTargets = ActsOnTargets.Build(input, mask);
        var crowds = Enumerable.Range(0, _options.Scales.Count).Select(s => Crowds(onTargets, kinds, s)).ToArray();
        var exposures = crowds.Select(c => new Exposure(acts, c.PerAccount, total)).ToArray();
        var reactions = ReactionTiming.Measure(input, mask, _options.PriorFollowSeconds);
        var (ties, best) = TiedPairs(onTargets, kinds, crowds, exposures, reactions, threshold);
        var clusters = Clusters(input, mask, ties, threshold);
        return new DetectorResult(clusters, [("co_activity_surprise", best)]);
    }

    /// <summary>A pair's meetings at one scale: all of them, and those on content.</summary>
    private readonly record struct MeetingCount(int All, int OnContent);

    /// <summary>What the independence null knows at one scale: acts per kind and account, their crowds, all acts per kind.</summary>
    private sealed record Exposure(long[][] Acts, long[][] Crowd, long[] Total);

    /// <summary>
    /// A pair's surprise: under the independence null, and where that beats the bar, again with its meetings on
    /// posts judged by the taste-allowed null (<see cref="ReactionTiming"/>), which explains more of them. A tie
    /// must be unlikely under both: neither chance nor shared taste with ordinary reaction times accounts for
    /// it. Its meetings elsewhere (reports of one account, shares of one link) stay evidence on their own.
    /// </summary>
    private static double Surprise(MeetingCount c, Exposure x, int a, int b, ReactionTiming? reactions, int window, double threshold)
    {
        var independent = Expected(x.Acts, x.Crowd, x.Total, a, b);
        var surprise = PoissonTail.Surprise(c.All, independent);
        if (surprise < threshold || reactions is null)
        {
            return surprise;
        }
        var onContent = ExpectedOn(ContentKind, x.Acts, x.Crowd, x.Total, a, b);
        var elsewhere = independent - onContent;
        return Math.Max(
            PoissonTail.Surprise(c.All, elsewhere + Math.Max(onContent, reactions.Expected(a, b, window))),
            PoissonTail.Surprise(c.All - c.OnContent, elsewhere));
    }

    /// <summary>
    /// The null's mean co-activity of a pair: per kind of target (accounts, content, links and tags), each
    /// act of one lands near an act of the other with chance (the other's acts on that kind) × (the crowd
    /// around the act) / (all acts on that kind), averaged over both directions. Kinds are apart because an
    /// account that shares links is likelier to meet other link sharers than its likes alone would say.
    /// </summary>
    private static double Expected(long[][] acts, long[][] crowd, long[] total, int a, int b)
    {
        double lambda = 0;
        for (var k = 0; k < KindCount; k++)
        {
            lambda += ExpectedOn(k, acts, crowd, total, a, b);
        }
        return lambda;
    }

    private static double ExpectedOn(int kind, long[][] acts, long[][] crowd, long[] total, int a, int b) =>
        total[kind] > 0 ? ((acts[kind][b] * (double)crowd[kind][a]) + (acts[kind][a] * (double)crowd[kind][b])) / (2.0 * total[kind]) : 0;

    /// <summary>A pair of accounts whose co-activity the null model cannot explain.</summary>
    private readonly record struct Tie(int A, int B, double Surprise, int Window, int Targets);

    private bool[] ActionMask(InteractionGraph graph)
    {
        var mask = new bool[256];
        for (var code = 0; code < graph.Actions.Count; code++)
        {
            mask[code] = _options.Actions.Contains(graph.Actions[code]);
        }
        return mask;
    }

    private const int KindCount = 3;

    private const int ContentKind = 1;

    /// <summary>Kind of target per node for the null: 0 accounts, 1 content, 2 links and everything else.</summary>
    private static byte[] TargetKinds(InteractionGraph graph)
    {
        var kinds = new byte[graph.NodeCount];
        for (var v = 0; v < kinds.Length; v++)
        {
            kinds[v] = graph.Kind(v) switch
            {
                Domain.EntityKind.Account => 0,
                Domain.EntityKind.Content => 1,
                _ => 2,
            };
        }
        return kinds;
    }

    private static long[][] CountActs(DetectionInput input, bool[] mask, byte[] kinds)
    {
        var acts = new long[KindCount][];
        for (var k = 0; k < KindCount; k++)
        {
            acts[k] = new long[input.Accounts.Count];
        }
        Parallel.For(0, input.Accounts.Count, a =>
        {
            var node = input.Accounts.Nodes[a];
            var codes = input.Graph.OutActions(node);
            var targets = input.Graph.OutNeighbors(node);
            for (var i = 0; i < codes.Length; i++)
            {
                if (mask[codes[i]])
                {
                    acts[kinds[targets[i]]][a]++;
                }
            }
        });
        return acts;
    }
}
