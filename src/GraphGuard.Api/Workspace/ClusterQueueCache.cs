using GraphGuard.Api.Snapshot;
using GraphGuard.Storage.Workspace;
using Npgsql;

namespace GraphGuard.Api.Workspace;

/// <summary>
/// The queue of the published run, read once per run (matching clusters to the previous run's costs a join over
/// both runs' members) and kept until another run is published. Decisions change often, so they are not cached.
/// </summary>
internal sealed class ClusterQueueCache(NpgsqlDataSource dataSource)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _entry;

    public sealed record Entry(long RunId, long? PreviousRunId, IReadOnlyList<QueuedCluster> Clusters, IReadOnlyDictionary<long, QueuedCluster> ById,
        IReadOnlyList<string> Detectors);

    public async Task<Entry> GetAsync(PublishedRun run, CancellationToken ct)
    {
        if (_entry is { } cached && cached.RunId == run.Head.RunId)
        {
            return cached;
        }
        await _loading.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_entry is { } loaded && loaded.RunId == run.Head.RunId)
            {
                return loaded;
            }
            var previous = await ClusterQueueQueries.PreviousPublishedRunAsync(dataSource, run.Head.RunId, ct).ConfigureAwait(false);
            var clusters = await ClusterQueueQueries.ListAsync(dataSource, run.Head.RunId, previous, ct).ConfigureAwait(false);
            var detectors = clusters.SelectMany(c => c.Detectors).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var entry = new Entry(run.Head.RunId, previous, clusters, clusters.ToDictionary(c => c.Id), detectors);
            _entry = entry;
            return entry;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>New (no previous cluster, or none before this run), growing or shrinking by a tenth or more, else steady.</summary>
    public static string Trend(QueuedCluster cluster, long? previousRunId) => cluster switch
    {
        _ when previousRunId is null || cluster.PreviousId is null => "new",
        _ when cluster.Size >= cluster.PreviousSize * 1.1 => "growing",
        _ when cluster.Size <= cluster.PreviousSize * 0.9 => "shrinking",
        _ => "steady",
    };
}
