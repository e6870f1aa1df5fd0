using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// The account–account relations the risk model looks through, in account-index numbering: accounts
/// sharing devices/IPs/phones/payments, accounts engaging with the same posts, and follows (both
/// directions). GraphSAGE aggregates over each; <see cref="NeighborLabelFeatures"/> counts labeled
/// neighbours in each. Owns the graphs: dispose it to free them.
/// </summary>
public sealed class RiskRelations : IDisposable
{
    /// <summary>Accounts tied by shared infrastructure (<see cref="SharedContextProjection"/> without content).</summary>
    public const string Infrastructure = "infrastructure";

    /// <summary>Accounts tied by liking, commenting on or sharing the same content.</summary>
    public const string Engagement = "engagement";

    /// <summary>Accounts one of which follows the other.</summary>
    public const string Follows = "follows";

    public RiskRelations(SageGraph graph) => Graph = graph ?? throw new ArgumentNullException(nameof(graph));

    /// <summary>The relations as GraphSAGE's input graph.</summary>
    public SageGraph Graph { get; }

    /// <summary>Builds the three relations of a snapshot.</summary>
    public static RiskRelations Build(InteractionGraph graph, ProjectionOptions? projection = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        projection ??= new ProjectionOptions();
        var built = new List<SageRelation>();
        try
        {
            var infrastructure = SharedContextProjection.Build(graph, projection with { ContentActions = [] });
            built.Add(new SageRelation(Infrastructure, infrastructure.Graph));
            var engagement = SharedContextProjection.Build(graph, projection with { InfrastructureKinds = [] });
            built.Add(new SageRelation(Engagement, engagement.Graph));
            built.Add(new SageRelation(Follows, FollowsBothWays(graph, infrastructure.Accounts)));
            return new RiskRelations(new SageGraph(infrastructure.Accounts.Count, built));
        }
        catch
        {
            foreach (var relation in built)
            {
                relation.Graph.Dispose();
            }
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var relation in Graph.Relations)
        {
            relation.Graph.Dispose();
        }
    }

    private static CsrGraph FollowsBothWays(InteractionGraph graph, AccountIndex accounts)
    {
        using var directed = AccountActionGraph.Build(graph, accounts, WellKnownActions.Follow);
        using var edges = new EdgeList(directed.EdgeCount);
        for (var a = 0; a < directed.NodeCount; a++)
        {
            foreach (var b in directed.Neighbors(a))
            {
                edges.Add(a, b);
            }
        }
        return CsrGraph.Build(directed.NodeCount, edges, new CsrBuildOptions { Undirected = true, MergeDuplicates = true, DropSelfLoops = true });
    }
}
