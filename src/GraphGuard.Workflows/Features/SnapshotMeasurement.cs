using System.Diagnostics;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Snapshots;
using Npgsql;

namespace GraphGuard.Workflows.Features;

/// <summary><c>graph snapshot</c>: how big a window's interaction graph is and how fast it loads (printed, or written as JSON).</summary>
/// <param name="Nodes">Accounts and entities.</param>
/// <param name="Edges">Directed edges.</param>
/// <param name="MemoryBytes">The graph's arrays.</param>
/// <param name="BytesPerEdge">Memory over edges.</param>
/// <param name="ReadSeconds">Reading the rows.</param>
/// <param name="BuildSeconds">Building the CSR.</param>
/// <param name="EdgesPerSecond">Edges over read and build time.</param>
/// <param name="Projection">The account-account projection, when asked for.</param>
public sealed record SnapshotMeasurement(
    int Nodes, long Edges, long MemoryBytes, double BytesPerEdge, double ReadSeconds, double BuildSeconds, double EdgesPerSecond, ProjectionMeasurement? Projection)
{
    /// <summary>Loads the window with <paramref name="readers"/> parallel readers and, if <paramref name="project"/>, builds the projection.</summary>
    public static async Task<SnapshotMeasurement> MeasureAsync(NpgsqlDataSource dataSource, SnapshotWindow window, int readers, bool project, CancellationToken ct = default)
    {
        var (graph, timings) = await SnapshotLoader.LoadAsync(dataSource, window, Math.Max(1, readers), ct).ConfigureAwait(false);
        using (graph)
        {
            return new SnapshotMeasurement(
                graph.NodeCount,
                graph.EdgeCount,
                graph.MemoryBytes,
                graph.EdgeCount == 0 ? 0 : Math.Round((double)graph.MemoryBytes / graph.EdgeCount, 2),
                Math.Round(timings.Read.TotalSeconds, 3),
                Math.Round(timings.Build.TotalSeconds, 3),
                Math.Round(graph.EdgeCount / Math.Max(1e-9, timings.Total.TotalSeconds)),
                project ? Project(graph) : null);
        }
    }

    private static ProjectionMeasurement Project(InteractionGraph graph)
    {
        var clock = Stopwatch.StartNew();
        using var p = SharedContextProjection.Build(graph, new ProjectionOptions());
        return new ProjectionMeasurement(p.Accounts.Count, p.Graph.EdgeCount / 2, p.ContextsUsed, p.HubsSkipped, p.PairsEmitted, Math.Round(clock.Elapsed.TotalSeconds, 3));
    }
}
