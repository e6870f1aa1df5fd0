using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Snapshots;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard-bench graph</c>: on the benchmark world (the database <c>bench ingest</c> fills), times
/// the snapshot load, the projection, and every graph algorithm, each beside igraph's time for the same
/// algorithm on the same edge list, run afterwards in the same session.
/// </summary>
internal static class GraphBenchmark
{
    private const string BenchDatabase = IngestBenchmark.BenchDatabase;

    public static Command Create()
    {
        var readers = new Option<int>("--readers") { Description = "Parallel PostgreSQL readers for the snapshot", DefaultValueFactory = _ => 2 };
        var skipIgraph = new Option<bool>("--no-igraph") { Description = "Time only GraphGuard" };
        var igraphTimeout = new Option<int>("--igraph-timeout") { Description = "Stop an igraph run after this many seconds", DefaultValueFactory = _ => 300 };
        var only = new Option<string[]>("--only") { Description = "Time only these algorithms (e.g. pagerank personalized_pagerank)", AllowMultipleArgumentsPerToken = true };
        var json = JsonOutput.Option();
        var command = new Command("graph", $"Snapshot load and graph algorithms beside igraph, on the world in '{BenchDatabase}' (run 'graphguard-bench ingest' first)")
        {
            readers, skipIgraph, igraphTimeout, only, json,
        };
        CliAction.Set(command, async (parse, ct) =>
        {
            var withIgraph = !parse.GetValue(skipIgraph);
            var selected = parse.GetValue(only) is { Length: > 0 } names ? names.ToHashSet() : null;
            var unknown = selected?.Except(Algorithms(null!, null!, []).Select(a => a.Name)).ToList();
            if (unknown is { Count: > 0 })
            {
                throw new ArgumentException($"--only: no algorithm named {string.Join(", ", unknown)}");
            }
            if (withIgraph && !IgraphReference.Available())
            {
                throw new InvalidOperationException($"igraph is not installed for {IgraphReference.Python}: run 'apt-get install -y python3-igraph' (or pass --no-igraph)");
            }
            await using var dataSource = NpgsqlDataSource.Create(await DatabaseConnector.ResolveAsync(BenchDatabase, ct));
            var (graph, timings) = await SnapshotLoader.LoadAsync(dataSource, SnapshotWindow.All, Math.Max(1, parse.GetValue(readers)), ct);
            if (graph.EdgeCount == 0)
            {
                throw new InvalidOperationException($"the database '{BenchDatabase}' holds no events: run 'graphguard-bench ingest' first");
            }
            using (graph)
            {
                var clock = Stopwatch.StartNew();
                using var projection = SharedContextProjection.Build(graph, new ProjectionOptions());
                var projectionTime = clock.Elapsed;
                using var follows = AccountActionGraph.Build(graph, projection.Accounts, "follow");
                var seeds = Seeds(projection.Graph, 100);

                Warmup();
                var ours = Algorithms(projection.Graph, follows, seeds)
                    .Where(a => selected is null || selected.Contains(a.Name))
                    .ToDictionary(a => a.Name, a => Time(a.Run));
                var reference = withIgraph
                    ? await IgraphReference.TimeAsync(projection.Graph, follows, seeds, [.. ours.Keys], parse.GetValue(igraphTimeout), ct)
                    : [];
                Report(parse.GetValue(json), graph, timings, projection, projectionTime, ours, reference);
            }
            return 0;
        });
        return command;
    }

    /// <summary>Our algorithms as the benchmark runs them; the igraph script names the same ones.</summary>
    private static IEnumerable<(string Name, Action Run)> Algorithms(CsrGraph undirected, CsrGraph directed, int[] seeds)
    {
        yield return ("weakly_connected_components", () => WeaklyConnectedComponents.Compute(undirected, symmetric: true));
        yield return ("k_core", () => KCoreDecomposition.Compute(undirected));
        yield return ("triangles", () => TriangleCount.Compute(undirected));
        yield return ("label_propagation", () => LabelPropagation.Compute(undirected));
        yield return ("louvain", () => Louvain.Run(undirected));
        yield return ("pagerank", () => PageRank.Compute(directed));
        yield return ("personalized_pagerank", () => PageRank.Compute(directed, new PageRankOptions { Seeds = seeds }));
        // igraph has no SybilRank; the script times its closest relative, personalized PageRank from the same seeds.
        yield return ("sybilrank", () => SybilRank.Compute(undirected, new SybilRankOptions { Seeds = seeds }));
        // No igraph counterpart computes top-k similar nodes for every node; ours is listed alone.
        yield return ("neighbor_similarity", () => NeighborSimilarity.Compute(undirected, new NeighborSimilarityOptions { K = 5, HubDegreeCap = 1_000 }));
    }

    /// <summary>Runs every algorithm once on a small graph so that JIT compilation is not timed.</summary>
    private static void Warmup()
    {
        using var edges = new EdgeList();
        var random = new Random(1);
        for (var i = 0; i < 20_000; i++)
        {
            edges.Add(random.Next(2000), random.Next(2000), 1f);
        }
        using var small = CsrGraph.Build(2000, edges, new CsrBuildOptions { Undirected = true, DropSelfLoops = true, MergeDuplicates = true, Weighted = true });
        using var smallDirected = CsrGraph.Build(2000, edges, new CsrBuildOptions { DropSelfLoops = true, MergeDuplicates = true });
        foreach (var (_, run) in Algorithms(small, smallDirected, [0, 1, 2]))
        {
            run();
        }
    }

    /// <summary>Deterministic seeds for the seeded algorithms: the best-connected accounts.</summary>
    private static int[] Seeds(CsrGraph graph, int count) =>
        [.. Enumerable.Range(0, graph.NodeCount).OrderByDescending(graph.Degree).ThenBy(v => v).Take(count)];

    private static double Time(Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalSeconds;
    }

    private static void Report(bool json, InteractionGraph graph, SnapshotTimings timings, AccountProjection projection, TimeSpan projectionTime,
        Dictionary<string, double> ours, Dictionary<string, double> reference)
    {
        var rows = ours.Select(o => new
        {
            algorithm = o.Key,
            seconds = Math.Round(o.Value, 3),
            igraph_seconds = reference.TryGetValue(o.Key, out var r) ? Math.Round(Math.Abs(r), 3) : (double?)null,
            igraph_stopped = reference.TryGetValue(o.Key, out var stopped) && stopped < 0,
            // A stopped igraph run bounds the ratio from above.
            ratio = reference.TryGetValue(o.Key, out var rr) && rr != 0 ? Math.Round(o.Value / Math.Abs(rr), 3) : (double?)null,
        }).ToList();
        var snapshot = new
        {
            nodes = graph.NodeCount,
            edges = graph.EdgeCount,
            memory_mib = graph.MemoryBytes / (1 << 20),
            bytes_per_edge = Math.Round((double)graph.MemoryBytes / graph.EdgeCount, 2),
            load_seconds = Math.Round(timings.Total.TotalSeconds, 2),
            edges_per_second = Math.Round(graph.EdgeCount / timings.Total.TotalSeconds),
            projection_seconds = Math.Round(projectionTime.TotalSeconds, 2),
            projection_accounts = projection.Accounts.Count,
            projection_ties = projection.Graph.EdgeCount / 2,
        };
        if (json)
        {
            JsonOutput.Write(new { snapshot, algorithms = rows, machine = $"{Environment.ProcessorCount} cores" });
            return;
        }
        AnsiConsole.MarkupLine($"snapshot: {snapshot.nodes:N0} nodes, {snapshot.edges:N0} edges, {snapshot.memory_mib:N0} MiB ({snapshot.bytes_per_edge} B/edge), " +
            $"loaded in {snapshot.load_seconds} s = {snapshot.edges_per_second:N0} edges/s (goal >= 1,000,000)");
        AnsiConsole.MarkupLine($"projection: {snapshot.projection_accounts:N0} accounts, {snapshot.projection_ties:N0} ties in {snapshot.projection_seconds} s");
        var table = new Table().AddColumn("algorithm").AddColumn("GraphGuard s", c => c.RightAligned())
            .AddColumn("igraph s", c => c.RightAligned()).AddColumn("ratio", c => c.RightAligned());
        foreach (var row in rows)
        {
            var prefix = row.igraph_stopped ? "> " : "";
            var ratioPrefix = row.igraph_stopped ? "< " : "";
            table.AddRow(row.algorithm, $"{row.seconds:F3}", row.igraph_seconds is null ? "-" : $"{prefix}{row.igraph_seconds:F3}",
                row.ratio is null ? "-" : row.ratio <= 1 ? $"[green]{ratioPrefix}{row.ratio:F2}[/]" : $"[red]{ratioPrefix}{row.ratio:F2}[/]");
        }
        AnsiConsole.Write(table);
    }
}
