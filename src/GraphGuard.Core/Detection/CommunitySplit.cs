using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Detection;

/// <summary>
/// Splits a linked group into Louvain communities (with Leiden refinement), then merges every community
/// whose links leaving it carry at least a given share of its link weight (its conductance) into the
/// neighbour it is most linked to. Modularity never keeps a connected group whole when any split scores
/// above zero, so alone it divides even one tight group, or a uniform random one, along faint seams; a
/// group that merely touches another keeps nearly all its weight inside.
/// </summary>
internal static class CommunitySplit
{
    /// <summary>Community of each node, dense from 0 in order of each community's first node.</summary>
    /// <param name="nodeCount">Nodes 0 .. nodeCount − 1.</param>
    /// <param name="edges">Undirected weighted links, each given once.</param>
    /// <param name="maxCutShare">Share of a community's link weight (its volume) leaving it at which it merges into its neighbour.</param>
    public static int[] Run(int nodeCount, EdgeList edges, double maxCutShare)
    {
        using var graph = CsrGraph.Build(nodeCount, edges, new CsrBuildOptions { Undirected = true, Weighted = true });
        var found = Louvain.Run(graph);
        var membership = found.Membership;
        var volume = new double[found.CommunityCount];
        var leaving = new double[found.CommunityCount];
        var cut = new Dictionary<(int, int), double>();
        for (long i = 0; i < edges.Count; i++)
        {
            var (x, y, w) = (membership[edges.Source(i)], membership[edges.Target(i)], edges.Weight(i));
            volume[x] += w;
            volume[y] += w;
            if (x != y)
            {
                (leaving[x], leaving[y]) = (leaving[x] + w, leaving[y] + w);
                cut[(x, y)] = cut.GetValueOrDefault((x, y)) + w;
                cut[(y, x)] = cut.GetValueOrDefault((y, x)) + w;
            }
        }
        // Each loose community joins its strongest neighbour (the smaller one on ties), judged on Louvain's
        // own communities, so the order of the merges does not matter.
        var merged = new DisjointSets(found.CommunityCount);
        foreach (var group in cut.GroupBy(c => c.Key.Item1).OrderBy(g => g.Key))
        {
            if (leaving[group.Key] >= maxCutShare * volume[group.Key])
            {
                merged.Union(group.Key, group.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Item2).First().Key.Item2);
            }
        }
        var dense = new Dictionary<int, int>();
        return [.. membership.Select(c => dense.TryGetValue(merged.Find(c), out var d) ? d : dense[merged.Find(c)] = dense.Count)];
    }
}
