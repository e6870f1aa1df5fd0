namespace GraphGuard.Storage.Snapshots;

/// <summary>
/// Where subgraph edges come from: the published run's interaction graph in memory, or the events table of
/// the run's window. Both return edges aggregated by (actor, target, action), ordered by count descending,
/// then actor, target and action name (ordinal), cut to a limit, so the two give the same answers.
/// </summary>
public interface IEdgeSource
{
    /// <summary>
    /// A cluster's edges: those from one of <paramref name="members"/> to another member, or to an entity that at least
    /// two members acted on (a shared device, a post they all liked, an account they all followed). Coordinated
    /// accounts mostly act on the same targets rather than on each other, so those targets are the picture.
    /// </summary>
    Task<List<SubgraphEdge>> ClusterAsync(int[] members, int limit, CancellationToken ct);

    /// <summary>The edges with an end among <paramref name="ids"/>.</summary>
    Task<List<SubgraphEdge>> TouchingAsync(int[] ids, int limit, CancellationToken ct);
}
