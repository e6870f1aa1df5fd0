namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Triangles through each node, the graph's total, and each node's local clustering coefficient.</summary>
/// <param name="PerNode">Triangles that include each node.</param>
/// <param name="Total">Triangles in the graph (each counted once).</param>
/// <param name="LocalClustering">
/// Triangles over possible triangles, 2t / (d (d - 1)); 0 for nodes of degree below 2 (igraph's
/// <c>transitivity_local_undirected(mode="zero")</c>).
/// </param>
public sealed record TriangleCountResult(long[] PerNode, long Total, double[] LocalClustering);
