using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Graph;

public sealed class SharedContextProjectionTests
{
    // Nodes: accounts 0-5, device 6, ip 7, content 8, device 9 (the hub), phone 10.
    private static readonly byte[] Kinds = [1, 1, 1, 1, 1, 1, 3, 4, 2, 3, 5];
    private static readonly string[] Actions = ["", "login", "like", "view", "verify"];

    private static InteractionGraph World()
    {
        var builder = new InteractionGraphBuilder(Kinds, DateTime.UnixEpoch, Actions);
        var b = builder.NewBatch();
        b.Add(0, 6, 1, 1); b.Add(1, 6, 1, 2); b.Add(0, 6, 1, 3);             // accounts 0 and 1 share device 6 (0 twice)
        foreach (var a in new[] { 0, 1, 2 }) { b.Add(a, 7, 1, 4); }          // 0, 1, 2 share ip 7
        b.Add(2, 8, 2, 5); b.Add(3, 8, 2, 6); b.Add(4, 8, 3, 7);             // 2 and 3 like content 8; 4 only views it
        foreach (var a in new[] { 0, 1, 2, 3, 4 }) { b.Add(a, 9, 1, 8); }    // device 9 is used by 5 accounts: a hub at cap 4
        b.Add(5, 10, 4, 9);                                                  // a phone only account 5 used
        return builder.Build();
    }

    private static Dictionary<(int, int), float> Ties(AccountProjection p)
    {
        var ties = new Dictionary<(int, int), float>();
        for (var a = 0; a < p.Graph.NodeCount; a++)
        {
            var n = p.Graph.Neighbors(a);
            var w = p.Graph.NeighborWeights(a);
            for (var i = 0; i < n.Length; i++)
            {
                ties[(p.Accounts.Nodes[a], p.Accounts.Nodes[n[i]])] = w[i];
            }
        }
        return ties;
    }

    [Test]
    public void Accounts_are_tied_by_shared_context_weighted_by_rarity_shared_among_users()
    {
        using var graph = World();
        using var projection = SharedContextProjection.Build(graph, new ProjectionOptions { MaxAccountsPerInfrastructure = 4, MaxAccountsPerDevice = 4 });
        var ties = Ties(projection);
        double Idf(int users) => Math.Log(6.0 / users) / (users - 1);

        Assert.That(ties[(0, 1)], Is.EqualTo(Idf(2) + Idf(3)).Within(1e-6), "device 6 and ip 7");
        Assert.That(ties[(1, 0)], Is.EqualTo(ties[(0, 1)]), "undirected");
        Assert.That(ties[(0, 2)], Is.EqualTo(Idf(3)).Within(1e-6), "ip 7 only");
        Assert.That(ties[(2, 3)], Is.EqualTo(Idf(2)).Within(1e-6), "both liked content 8");
        Assert.That(ties.ContainsKey((3, 4)), Is.False, "a view is not engagement");
        Assert.That(ties.ContainsKey((3, 0)), Is.False, "device 9 is a hub over the cap and ties nobody");
        Assert.That(projection.HubsSkipped, Is.EqualTo(1));
        Assert.That(projection.ContextsUsed, Is.EqualTo(3));
        Assert.That(projection.Graph.Degree(projection.Accounts.IndexOf(5)), Is.Zero, "a phone nobody else used");
    }

    [Test]
    public void The_projection_numbers_accounts_only()
    {
        using var graph = World();
        using var projection = SharedContextProjection.Build(graph, new ProjectionOptions());
        Assert.That(projection.Accounts.Nodes, Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(projection.Accounts.IndexOf(7), Is.EqualTo(-1));
        Assert.That(projection.Graph.NodeCount, Is.EqualTo(6));
    }

    [Test]
    public void A_rarer_device_ties_more_strongly_than_a_crowded_ip()
    {
        // 3 accounts on one device vs 300 on one IP, in a world of 1000 accounts.
        var kinds = Enumerable.Repeat((byte)EntityKind.Account, 1000).Concat([(byte)EntityKind.Device, (byte)EntityKind.Ip]).ToArray();
        var builder = new InteractionGraphBuilder(kinds, DateTime.UnixEpoch, Actions);
        var b = builder.NewBatch();
        for (var a = 0; a < 3; a++) { b.Add(a, 1000, 1, a); }
        for (var a = 100; a < 400; a++) { b.Add(a, 1001, 1, a); }
        using var graph = builder.Build();
        using var projection = SharedContextProjection.Build(graph, new ProjectionOptions());
        var device = projection.Graph.NeighborWeights(0)[0];
        var ip = projection.Graph.NeighborWeights(100)[0];
        Assert.That(device / ip, Is.GreaterThan(100));
    }
}
