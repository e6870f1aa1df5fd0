using GraphGuard.Api.Json;
using GraphGuard.Api.Snapshot;
using GraphGuard.Core.Domain;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using Npgsql;

namespace GraphGuard.Api.Data;

/// <summary>
/// Subgraphs of the published run's window, aggregated by (actor, target, action) with counts: a cluster's
/// members and the targets they share, and an account's neighborhood hop by hop. Sizes are capped and the cut is reported.
/// Edges come from an <see cref="IEdgeSource"/> (the run's graph in memory, else the events table); node names
/// from entities by primary key.
/// </summary>
internal static class EventSubgraphs
{
    /// <summary>
    /// A cluster's picture (see <see cref="IEdgeSource.ClusterAsync"/>): its members, the targets at least two of them
    /// acted on, and the events to those and between members, heaviest edges first.
    /// </summary>
    public static async Task<SubgraphView> ClusterAsync(IEdgeSource source, NpgsqlDataSource dataSource, IReadOnlyList<int> members, int maxEdges, PublishedRun? run,
        CancellationToken ct)
    {
        var ids = members.ToArray();
        var edges = await source.ClusterAsync(ids, maxEdges + 1, ct).ConfigureAwait(false);
        var truncated = edges.Count > maxEdges;
        if (truncated)
        {
            edges.RemoveAt(edges.Count - 1);
        }
        var memberSet = ids.ToHashSet();
        var targets = edges.Select(e => e.Target).Where(t => !memberSet.Contains(t)).Distinct();
        return await ViewAsync(dataSource, [.. ids, .. targets], edges, truncated, run, ct).ConfigureAwait(false);
    }

    /// <summary>Entities within <paramref name="hops"/> events of <paramref name="start"/>, at most <paramref name="maxNodes"/>, heaviest edges first.</summary>
    public static async Task<SubgraphView> NeighborhoodAsync(IEdgeSource source, NpgsqlDataSource dataSource, int start, int hops, int maxNodes, PublishedRun? run,
        CancellationToken ct)
    {
        var nodes = new List<int> { start };
        var seen = new HashSet<int> { start };
        var edges = new Dictionary<(int, int, string), long>();
        var frontier = new[] { start };
        var truncated = false;
        for (var hop = 0; hop < hops && frontier.Length > 0; hop++)
        {
            var next = new List<int>();
            foreach (var edge in await source.TouchingAsync(frontier, maxNodes * 4, ct).ConfigureAwait(false))
            {
                var reachable = true;
                foreach (var end in (ReadOnlySpan<int>)[edge.Actor, edge.Target])
                {
                    if (seen.Contains(end))
                    {
                        continue;
                    }
                    if (nodes.Count >= maxNodes)
                    {
                        reachable = false;
                        truncated = true;
                        break;
                    }
                    seen.Add(end);
                    nodes.Add(end);
                    next.Add(end);
                }
                if (reachable)
                {
                    edges.TryAdd((edge.Actor, edge.Target, edge.Action), edge.Count);
                }
            }
            frontier = [.. next];
        }
        var list = edges.Select(e => new SubgraphEdge(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Value)).ToList();
        return await ViewAsync(dataSource, [.. nodes], list, truncated, run, ct).ConfigureAwait(false);
    }

    private static async Task<SubgraphView> ViewAsync(NpgsqlDataSource dataSource, int[] nodeIds, List<SubgraphEdge> edges, bool truncated, PublishedRun? run, CancellationToken ct)
    {
        var names = await EntityQueries.NamesAsync(dataSource, nodeIds, ct).ConfigureAwait(false);
        string Key(int id) => names.TryGetValue(id, out var n) ? $"{Kind(n.Kind)}:{n.ExternalId}" : $"#{id}";
        var nodes = nodeIds.Select(id =>
        {
            var (externalId, kind) = names.TryGetValue(id, out var n) ? n : ($"#{id}", EntityKind.Account);
            var risk = kind == EntityKind.Account ? run?.Find(externalId) : null;
            return new NodeView(Key(id), externalId, Kind(kind), risk?.Score, risk?.Band);
        }).ToList();
        return new SubgraphView(nodes, [.. edges.Select(e => new EdgeView(Key(e.Actor), Key(e.Target), e.Action, e.Count))], truncated);
    }

    private static string Kind(EntityKind kind) => kind.ToString().ToLowerInvariant();
}
