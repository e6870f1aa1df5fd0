using System.Diagnostics;
using GraphGuard.Storage.Service;
using GraphGuard.Storage.Snapshots;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GraphGuard.Api.Snapshot;

/// <summary>
/// Loads the published run's interaction graph in the background, so risk lookups are ready as soon as the
/// scores are; until the graph is in (or if loading fails) analysts' subgraphs are read from the events table.
/// A newer publication cancels a load that has not finished.
/// </summary>
internal sealed partial class PublishedGraphLoader(NpgsqlDataSource dataSource, ServiceState state, ILogger logger)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _loading;
    private long _loadingRun = -1;

    /// <summary>Starts loading the graph of <paramref name="head"/>'s run unless it is loaded or loading already.</summary>
    public void Follow(PublicationHead head, CancellationToken stopping)
    {
        lock (_gate)
        {
            if (state.Graph?.RunId == head.RunId || _loadingRun == head.RunId)
            {
                return;
            }
            // Another run's graph answers nothing now (requests check the run id): let it go before the new one
            // grows, so the service never holds two.
            state.SetGraph(null);
            _loading?.Cancel();
            var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            (_loading, _loadingRun) = (cts, head.RunId);
            _ = Task.Run(() => LoadAsync(head, cts), CancellationToken.None);
        }
    }

    private async Task LoadAsync(PublicationHead head, CancellationTokenSource cts)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var (graph, _) = await SnapshotLoader.LoadAsync(dataSource, head.Window, ct: cts.Token).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            lock (_gate)
            {
                if (cts.IsCancellationRequested)
                {
                    graph.Dispose();
                    return;
                }
                state.SetGraph(new PublishedGraph(head.RunId, graph, elapsed));
            }
            LogLoaded(logger, head.RunId, graph.NodeCount, graph.EdgeCount, graph.MemoryBytes / 1048576.0, elapsed.TotalSeconds);
        }
        catch (Exception e) when (!cts.IsCancellationRequested)
        {
            LogFailed(logger, head.RunId, e.GetType().Name, e.Message);
        }
        catch (Exception) when (cts.IsCancellationRequested)
        {
            // A newer publication (or shutdown) took over; whatever the cancellation surfaced as, nothing is lost.
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_loading, cts))
                {
                    (_loading, _loadingRun) = (null, -1);
                }
            }
            cts.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "graph of run {RunId} loaded for neighbourhoods: {Nodes} nodes, {Edges} edges, {MiB:0} MiB in {Seconds:0.00} s")]
    private static partial void LogLoaded(ILogger logger, long runId, int nodes, long edges, double miB, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "loading the graph of run {RunId} failed; neighbourhoods read the events table until the next publication: {Type}: {Message}")]
    private static partial void LogFailed(ILogger logger, long runId, string type, string message);
}
