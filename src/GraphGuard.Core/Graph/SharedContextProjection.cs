using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Graph;

/// <summary>
/// The account–account graph of shared context: two accounts are tied when they used the same device,
/// IP, phone or payment instrument, or engaged with the same content, in the snapshot's window.
/// </summary>
/// <remarks>
/// Weighting: a context used by k accounts (k ≥ 2) gives each pair of them idf / (k − 1), where
/// idf = ln(accounts / k). Rarity thus counts twice: a rare context is worth more (idf), and its worth is
/// shared out among its users, so what one account can receive from a context is bounded by its idf.
/// A device shared by 2 of a million accounts ties them with 13.1; a campus IP of 300 gives each pair
/// 0.03. Hubs: a context with more users than the cap in <see cref="ProjectionOptions"/> is skipped
/// (counted in the result), which bounds the pairs per context instead of letting them grow as k².
/// </remarks>
public static class SharedContextProjection
{
    private const int ContextsPerRange = 16_384;

    public static AccountProjection Build(InteractionGraph graph, ProjectionOptions options)
    {
        var accounts = new AccountIndex(graph);
        var contentActions = new bool[256];
        for (var code = 0; code < graph.Actions.Count; code++)
        {
            contentActions[code] = options.ContentActions.Contains(graph.Actions[code]);
        }
        var infrastructure = new bool[256];
        foreach (var kind in options.InfrastructureKinds)
        {
            infrastructure[(int)kind] = true;
        }
        // Implementation note: one edge list per fixed range of contexts, concatenated in range order. The
        // build sums the weights of pairs that share several contexts, and float sums depend on their order,
        // so collecting per thread (whichever ranges it happened to take) made weights differ between runs.
        var ranges = (graph.NodeCount + ContextsPerRange - 1) / ContextsPerRange;
        var parts = new EdgeList[ranges];
        long contextsUsed = 0, hubsSkipped = 0;
        Parallel.For(0, ranges, () => new List<int>(), (r, _, members) =>
        {
            var edges = parts[r] = new EdgeList();
            long used = 0, skipped = 0;
            for (var c = r * ContextsPerRange; c < Math.Min(graph.NodeCount, (r + 1) * ContextsPerRange); c++)
            {
                var kind = graph.Kind(c);
                var isContent = kind == EntityKind.Content && options.ContentActions.Count > 0;
                if (!isContent && !infrastructure[(int)kind])
                {
                    continue;
                }
                CollectAccounts(graph, accounts, c, isContent ? contentActions : null, members);
                var k = members.Count;
                if (k < 2)
                {
                    continue;
                }
                if (k > options.MaxAccounts(kind))
                {
                    skipped++;
                    continue;
                }
                var weight = options.CountSharedContexts ? 1f : (float)(Math.Log((double)accounts.Count / k) / (k - 1));
                if (weight <= 0)
                {
                    continue; // used by every account: it tells nothing
                }
                used++;
                for (var i = 0; i < k; i++)
                {
                    for (var j = i + 1; j < k; j++)
                    {
                        edges.Add(members[i], members[j], weight);
                    }
                }
            }
            Interlocked.Add(ref contextsUsed, used);
            Interlocked.Add(ref hubsSkipped, skipped);
            return members;
        }, _ => { });
        using var all = EdgeList.Concatenate(parts);
        var projected = CsrGraph.Build(accounts.Count, all, new CsrBuildOptions { Undirected = true, MergeDuplicates = true, Weighted = true });
        return new AccountProjection(projected, accounts, contextsUsed, hubsSkipped, all.Count);
    }

    /// <summary>The distinct accounts that acted on context <paramref name="c"/> (with one of the actions, if given).</summary>
    private static void CollectAccounts(InteractionGraph graph, AccountIndex accounts, int c, bool[]? actions, List<int> members)
    {
        members.Clear();
        var sources = graph.InNeighbors(c);
        var acts = graph.InActions(c);
        for (var i = 0; i < sources.Length; i++)
        {
            var account = accounts.IndexOf(sources[i]);
            if (account >= 0 && (actions is null || actions[acts[i]]))
            {
                members.Add(account);
            }
        }
        if (members.Count > 1)
        {
            members.Sort();
            var distinct = 1;
            for (var i = 1; i < members.Count; i++)
            {
                if (members[i] != members[distinct - 1])
                {
                    members[distinct++] = members[i];
                }
            }
            members.RemoveRange(distinct, members.Count - distinct);
        }
    }
}
