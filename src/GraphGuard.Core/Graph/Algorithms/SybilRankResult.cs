namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// SybilRank output: <see cref="Trust"/> is each node's trust after the last round, <see cref="Scores"/>
/// is trust divided by (weighted) degree, the ranking score (low means likely Sybil; 0 for isolated nodes).
/// </summary>
public sealed record SybilRankResult(double[] Trust, double[] Scores, int Iterations);
