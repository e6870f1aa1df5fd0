namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Communities found by <see cref="LabelPropagation"/>.</summary>
/// <param name="Membership">Community of each node, numbered 0..CommunityCount-1 in order of each community's smallest node.</param>
/// <param name="CommunityCount">Number of communities.</param>
/// <param name="Iterations">Sweeps made.</param>
/// <param name="Converged">Whether a sweep ended with every node holding a most frequent neighbouring label.</param>
public sealed record LabelPropagationResult(int[] Membership, int CommunityCount, int Iterations, bool Converged);
