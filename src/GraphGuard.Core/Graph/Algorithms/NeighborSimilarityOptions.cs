namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Settings for <see cref="NeighborSimilarity"/>.</summary>
public sealed record NeighborSimilarityOptions
{
    /// <summary>How many most similar nodes to keep per node, for each measure.</summary>
    public int K { get; init; } = 10;

    /// <summary>
    /// Common neighbours with more neighbours than this are skipped in the two-hop walk. A hub (a viral video
    /// every account liked) ties all its neighbours together, says little about any pair, and would make the
    /// walk quadratic in its degree. With hubs skipped, both scores count only non-hub common neighbours (Jaccard
    /// still divides by the full union, so it is a lower bound). Default 10,000, far above every test graph's
    /// largest degree (999); <see cref="int.MaxValue"/> turns the cap off.
    /// </summary>
    public int HubDegreeCap { get; init; } = 10_000;
}
