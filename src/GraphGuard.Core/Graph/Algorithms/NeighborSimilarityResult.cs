namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Top-k most similar nodes per node by Jaccard and by Adamic–Adar, best first (higher score, then lower id).
/// Stored as fixed strides of k per node; a node with fewer than k candidates has a shorter list.
/// </summary>
public sealed class NeighborSimilarityResult
{
    private readonly int[] _jaccardIds;
    private readonly double[] _jaccardScores;
    private readonly int[] _adamicAdarIds;
    private readonly double[] _adamicAdarScores;
    private readonly int[] _kept;
    private readonly int[] _candidates;

    /// <summary>Empty lists for <paramref name="nodeCount"/> nodes, filled in by the two-hop walk.</summary>
    internal NeighborSimilarityResult(int nodeCount, int k)
    {
        K = k;
        _jaccardIds = new int[nodeCount * k];
        _jaccardScores = new double[nodeCount * k];
        _adamicAdarIds = new int[nodeCount * k];
        _adamicAdarScores = new double[nodeCount * k];
        _kept = new int[nodeCount];
        _candidates = new int[nodeCount];
    }

    public int K { get; }

    public int NodeCount => _kept.Length;

    /// <summary>Most Jaccard-similar nodes, best first.</summary>
    public ReadOnlySpan<int> JaccardNeighbors(int node) => _jaccardIds.AsSpan(node * K, _kept[node]);

    /// <summary>Jaccard scores aligned with <see cref="JaccardNeighbors"/>.</summary>
    public ReadOnlySpan<double> JaccardScores(int node) => _jaccardScores.AsSpan(node * K, _kept[node]);

    /// <summary>Most Adamic–Adar-similar nodes, best first.</summary>
    public ReadOnlySpan<int> AdamicAdarNeighbors(int node) => _adamicAdarIds.AsSpan(node * K, _kept[node]);

    /// <summary>Adamic–Adar scores aligned with <see cref="AdamicAdarNeighbors"/>.</summary>
    public ReadOnlySpan<double> AdamicAdarScores(int node) => _adamicAdarScores.AsSpan(node * K, _kept[node]);

    /// <summary>Nodes that share at least one (non-hub) neighbour with <paramref name="node"/>.</summary>
    public int CandidateCount(int node) => _candidates[node];

    // Writable k-slot lists of one node, for the walk that fills them.
    internal Span<int> JaccardIdSlots(int node) => _jaccardIds.AsSpan(node * K, K);
    internal Span<double> JaccardScoreSlots(int node) => _jaccardScores.AsSpan(node * K, K);
    internal Span<int> AdamicAdarIdSlots(int node) => _adamicAdarIds.AsSpan(node * K, K);
    internal Span<double> AdamicAdarScoreSlots(int node) => _adamicAdarScores.AsSpan(node * K, K);

    /// <summary>Records how many entries node's lists hold and how many candidates it had.</summary>
    internal void SetCounts(int node, int kept, int candidates)
    {
        _kept[node] = kept;
        _candidates[node] = candidates;
    }

    /// <summary>Summaries of one node's lists, for use as account features.</summary>
    public NeighborSimilarityFeatures Features(int node)
    {
        var jaccard = JaccardScores(node);
        var adamicAdar = AdamicAdarScores(node);
        if (jaccard.IsEmpty)
        {
            return new NeighborSimilarityFeatures(0, 0, 0, 0, 0);
        }
        return new NeighborSimilarityFeatures(jaccard[0], Mean(jaccard), adamicAdar[0], Mean(adamicAdar), _candidates[node]);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var x in values)
        {
            sum += x;
        }
        return sum / values.Length;
    }
}
