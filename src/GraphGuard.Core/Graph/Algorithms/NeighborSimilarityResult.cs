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

    internal NeighborSimilarityResult(int k, int[] jaccardIds, double[] jaccardScores, int[] adamicAdarIds,
        double[] adamicAdarScores, int[] kept, int[] candidates)
    {
        K = k;
        _jaccardIds = jaccardIds;
        _jaccardScores = jaccardScores;
        _adamicAdarIds = adamicAdarIds;
        _adamicAdarScores = adamicAdarScores;
        _kept = kept;
        _candidates = candidates;
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
