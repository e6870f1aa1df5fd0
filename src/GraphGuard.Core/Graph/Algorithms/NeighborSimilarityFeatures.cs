namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Per-node summaries of <see cref="NeighborSimilarityResult"/>, shaped as account features (0 when a node has no candidates).</summary>
/// <param name="MaxJaccard">Jaccard similarity to the most similar node.</param>
/// <param name="MeanTopJaccard">Mean Jaccard over the kept top-k (over those present when fewer than k).</param>
/// <param name="MaxAdamicAdar">Adamic–Adar index of the most similar node.</param>
/// <param name="MeanTopAdamicAdar">Mean Adamic–Adar index over the kept top-k.</param>
/// <param name="Candidates">How many nodes share at least one (non-hub) neighbour with this one.</param>
public readonly record struct NeighborSimilarityFeatures(
    double MaxJaccard, double MeanTopJaccard, double MaxAdamicAdar, double MeanTopAdamicAdar, int Candidates);
