using System.Collections.Concurrent;
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
        var lists = new ConcurrentBag<EdgeList>();
        var stats = new ProjectionCounters();
        Parallel.ForEach(Partitioner.Create(0, graph.NodeCount, 16384),
            () => (Edges: new EdgeList(), Members: new List<int>(), Counters: new ProjectionCounters()),
            (range, _, local) =>
            {
                for (var c = range.Item1; c < range.Item2; c++)
                {
                    var kind = graph.Kind(c);
                    var isContent = kind == EntityKind.Content && options.ContentActions.Count > 0;
                    if (!isContent && !infrastructure[(int)kind])
                    {
                        continue;
                    }
                    CollectAccounts(graph, accounts, c, isContent ? contentActions : null, local.Members);
                    var k = local.Members.Count;
                    if (k < 2)
                    {
                        continue;
                    }
                    if (k > (isContent ? options.MaxAccountsPerContent : options.MaxAccountsPerInfrastructure))
                    {
                        local.Counters.HubsSkipped++;
                        continue;
                    }
                    var weight = options.CountSharedContexts ? 1f : (float)(Math.Log((double)accounts.Count / k) / (k - 1));
                    if (weight <= 0)
                    {
                        continue; // used by every account: it tells nothing
                    }
                    local.Counters.ContextsUsed++;
                    for (var i = 0; i < k; i++)
                    {
                        for (var j = i + 1; j < k; j++)
                        {
                            local.Edges.Add(local.Members[i], local.Members[j], weight);
                        }
                    }
                }
                return local;
            },
            local =>
            {
                lists.Add(local.Edges);
                lock (stats)
                {
                    stats.Add(local.Counters);
                }
            });
        using var all = Concatenate(lists);
        var projected = CsrGraph.Build(accounts.Count, all, new CsrBuildOptions { Undirected = true, MergeDuplicates = true, Weighted = true });
        return new AccountProjection(projected, accounts, stats.ContextsUsed, stats.HubsSkipped, all.Count);
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

    private static EdgeList Concatenate(IEnumerable<EdgeList> lists)
    {
        var parts = lists.ToList();
        var all = new EdgeList(Math.Max(16, parts.Sum(p => p.Count)));
        foreach (var part in parts)
        {
            for (long i = 0; i < part.Count; i++)
            {
                all.Add(part.Source(i), part.Target(i), part.Weight(i));
            }
            part.Dispose();
        }
        return all;
    }

    private sealed class ProjectionCounters
    {
        public long ContextsUsed;
        public long HubsSkipped;

        public void Add(ProjectionCounters other)
        {
            ContextsUsed += other.ContextsUsed;
            HubsSkipped += other.HubsSkipped;
        }
    }
}
