using GraphGuard.Core.Detection;
using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Detection;

/// <summary>A hand-built snapshot for detector tests: add nodes by kind, then events, then build the input.</summary>
internal sealed class SmallWorld
{
    public const int Day = 86_400;
    private readonly List<byte> _kinds = [];
    private readonly List<(int Actor, int Target, string Action, int Time)> _events = [];
    private readonly Dictionary<int, long> _created = [];

    public int Add(EntityKind kind)
    {
        _kinds.Add((byte)kind);
        return _kinds.Count - 1;
    }

    /// <summary>An account registered at <paramref name="created"/> (seconds after the time base).</summary>
    public int Account(long created = -400L * Day)
    {
        var a = Add(EntityKind.Account);
        _created[a] = created;
        return a;
    }

    public int[] Accounts(int count, long created = -400L * Day) => [.. Enumerable.Range(0, count).Select(_ => Account(created))];

    public void Act(int actor, string action, int target, int time) => _events.Add((actor, target, action, time));

    public DetectionInput Build(IReadOnlyList<int>? trusted = null)
    {
        var actions = new List<string> { "" };
        actions.AddRange(WellKnownActions.All);
        var builder = new InteractionGraphBuilder([.. _kinds], new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), actions);
        // The builder owns its batches and frees them when the graph is built.
        var batch = builder.NewBatch();
        foreach (var (actor, target, action, time) in _events)
        {
            batch.Add(actor, target, (byte)actions.IndexOf(action), time);
        }
        var graph = builder.Build();
        var accounts = new AccountIndex(graph);
        var created = accounts.Nodes.Select(n => _created.GetValueOrDefault(n, long.MinValue)).ToArray();
        return new DetectionInput
        {
            Graph = graph,
            Accounts = accounts,
            CreatedAt = created,
            AsOf = _events.Count == 0 ? 0 : _events.Max(e => e.Time),
            TrustedSeeds = trusted?.Select(accounts.IndexOf).ToList() ?? [],
        };
    }

    /// <summary>Members of a cluster as the graph nodes the test created.</summary>
    public static int[] Nodes(DetectionInput input, DetectedCluster cluster) => [.. cluster.Members.Select(a => input.Accounts.Nodes[a])];
}
