namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>One aggregation level of <see cref="Louvain.Run"/>: its graph's node count, and the communities after local moving.</summary>
public readonly record struct CommunityLevel(int NodeCount, int CommunityCount, double Modularity);
