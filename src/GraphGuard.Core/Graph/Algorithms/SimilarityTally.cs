namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// One slot of the two-hop walk's hash accumulator: shared-neighbour count and Adamic–Adar sum for one
/// candidate. Kept together so each step of the walk touches one cache line rather than two.
/// </summary>
internal struct SimilarityTally
{
    public double AdamicAdar;
    public int Shared;
}
