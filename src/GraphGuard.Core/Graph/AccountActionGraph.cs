namespace GraphGuard.Core.Graph;

/// <summary>
/// The directed account→account graph of one action (e.g. who follows whom) in account numbering,
/// repeated edges merged. The input of PageRank-style ranking.
/// </summary>
public static class AccountActionGraph
{
    public static CsrGraph Build(InteractionGraph graph, AccountIndex accounts, string action)
    {
        var code = graph.ActionCode(action);
        using var edges = new EdgeList();
        if (code >= 0)
        {
            for (var a = 0; a < accounts.Count; a++)
            {
                var targets = graph.OutNeighbors(accounts.Nodes[a]);
                var actions = graph.OutActions(accounts.Nodes[a]);
                for (var i = 0; i < targets.Length; i++)
                {
                    var b = accounts.IndexOf(targets[i]);
                    if (actions[i] == code && b >= 0)
                    {
                        edges.Add(a, b);
                    }
                }
            }
        }
        return CsrGraph.Build(accounts.Count, edges, new CsrBuildOptions { MergeDuplicates = true });
    }
}
