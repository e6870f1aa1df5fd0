using GraphGuard.Core.Graph;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// One edge type of a heterogeneous graph, e.g. "shares device" or "follows". Node v aggregates over
/// <c>Graph.Neighbors(v)</c>, so a directed relation aggregates along its stored direction; build it
/// undirected (or transposed) where the other direction is the one that should inform v.
/// </summary>
/// <param name="Name">A name, kept with a trained model so a later graph can be checked against it.</param>
/// <param name="Graph">The edges over the shared node set; weights, if any, are ignored (the mean is unweighted).</param>
public sealed record SageRelation(string Name, CsrGraph Graph);
