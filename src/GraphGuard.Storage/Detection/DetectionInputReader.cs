using GraphGuard.Core.Detection;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Features;
using GraphGuard.Storage.Snapshots;
using Npgsql;

namespace GraphGuard.Storage.Detection;

/// <summary>
/// Loads everything detectors read for a window: the snapshot, creation times and content. No labels: features
/// are computed without them (see GraphGuard.Workflows' FeaturePolicy).
/// </summary>
public static class DetectionInputReader
{
    /// <summary>The input; its graph is the caller's to dispose.</summary>
    public static async Task<DetectionInput> ReadAsync(NpgsqlDataSource dataSource, SnapshotWindow window, CancellationToken ct = default)
    {
        var (graph, _) = await SnapshotLoader.LoadAsync(dataSource, window, 2, ct).ConfigureAwait(false);
        try
        {
            var accounts = new AccountIndex(graph);
            return new DetectionInput
            {
                Graph = graph,
                Accounts = accounts,
                CreatedAt = await FeatureStore.ReadCreatedAtAsync(dataSource, graph, accounts, ct).ConfigureAwait(false),
                Content = await ContentCorpusReader.ReadAsync(dataSource, graph, accounts, ct).ConfigureAwait(false),
                AsOf = window.To is { } to ? (long)(to - graph.TimeBase).TotalSeconds : LastEvent(graph),
            };
        }
        catch
        {
            graph.Dispose();
            throw;
        }
    }

    private static long LastEvent(InteractionGraph graph)
    {
        var last = 0;
        for (var v = 0; v < graph.NodeCount; v++)
        {
            foreach (var t in graph.OutTimes(v))
            {
                last = Math.Max(last, t);
            }
        }
        return last;
    }
}
