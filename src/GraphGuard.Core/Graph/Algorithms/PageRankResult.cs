namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>PageRank scores (summing to 1) and how the power iteration ended.</summary>
public sealed record PageRankResult(double[] Scores, int Iterations, bool Converged);
