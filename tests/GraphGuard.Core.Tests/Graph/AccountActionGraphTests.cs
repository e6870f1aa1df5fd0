using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Graph;

public sealed class AccountActionGraphTests
{
    [Test]
    public void Only_the_action_between_accounts_makes_edges_and_repeats_merge()
    {
        byte[] kinds = [1, 3, 1, 1]; // account, device, account, account
        var builder = new InteractionGraphBuilder(kinds, DateTime.UnixEpoch, ["", "follow", "login"]);
        var b = builder.NewBatch();
        b.Add(0, 2, 1, 1);
        b.Add(0, 2, 1, 2); // followed twice
        b.Add(2, 3, 1, 3);
        b.Add(0, 1, 2, 4); // login to a device: not an account edge
        b.Add(3, 0, 2, 5); // another action between accounts
        using var graph = builder.Build();
        var accounts = new AccountIndex(graph);

        using var follows = AccountActionGraph.Build(graph, accounts, "follow");

        Assert.That(follows.NodeCount, Is.EqualTo(3));
        Assert.That(follows.Neighbors(accounts.IndexOf(0)).ToArray(), Is.EqualTo(new[] { accounts.IndexOf(2) }));
        Assert.That(follows.Neighbors(accounts.IndexOf(2)).ToArray(), Is.EqualTo(new[] { accounts.IndexOf(3) }));
        Assert.That(follows.Degree(accounts.IndexOf(3)), Is.Zero);
        Assert.That(follows.EdgeCount, Is.EqualTo(2));
    }
}
