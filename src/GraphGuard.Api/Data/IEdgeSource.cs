namespace GraphGuard.Api.Data;

/// <summary>
/// Where subgraph edges come from: the published run's interaction graph in memory, or the events table of
/// the run's window. Both return edges aggregated by (actor, target, action), ordered by count descending,
/// then actor, target and action name (ordinal), cut to a limit, so the two give the same answers.
/// </summary>
internal interface IEdgeSource
{
    /// <summary>The edges whose actor and target are both among <paramref name="ids"/>.</summary>
    Task<List<SubgraphEdge>> AmongAsync(int[] ids, int limit, CancellationToken ct);

    /// <summary>The edges with an end among <paramref name="ids"/>.</summary>
    Task<List<SubgraphEdge>> TouchingAsync(int[] ids, int limit, CancellationToken ct);
}
