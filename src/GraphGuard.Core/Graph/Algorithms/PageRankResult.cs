namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>PageRank scores (summing to 1) and how the sweeps ended.</summary>
/// <param name="Scores">One score per node.</param>
/// <param name="Iterations">The most sweeps any strongly connected component needed.</param>
/// <param name="Converged">Every component met its tolerance within the allowed sweeps.</param>
public sealed record PageRankResult(double[] Scores, int Iterations, bool Converged);
