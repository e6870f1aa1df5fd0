using System.Net;
using System.Text.Json;
using GraphGuard.Api.Data;
using GraphGuard.Api.Json;
using GraphGuard.Api.Security;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Api.Tests;

/// <summary>
/// Neighbourhoods and cluster subgraphs from the published run's graph in memory agree with those read from the
/// events table of the run's window, and the service answers from memory once the graph is loaded.
/// </summary>
public sealed class NeighborhoodGraphTests
{
    private static readonly SnapshotWindow Window = new(new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 15, 0, 0, 0, DateTimeKind.Utc));

    private ServiceHost _host = null!;
    private InteractionGraph _graph = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await ServiceHost.StartAsync("nbr_graph", SeedAsync);
        (_graph, _) = await SnapshotLoader.LoadAsync(_host.DataSource, Window);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _graph.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Graph_and_events_table_give_the_same_neighborhood([Values(1, 2, 3)] int hops, [Values(1, 3, 10, 1000)] int limit,
        [Values(1, 2, 7, 13)] int start)
    {
        var fromGraph = await NeighborhoodAsync(new GraphEdges(_graph), start, hops, limit);
        var fromTable = await NeighborhoodAsync(new EventTableEdges(_host.DataSource, Window), start, hops, limit);
        Assert.That(fromGraph, Is.EqualTo(fromTable));
    }

    [Test]
    public async Task Graph_and_events_table_give_the_same_cluster_subgraph([Values(3, 20, 5000)] int maxEdges)
    {
        int[] members = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, ScoringWorld.DeviceId];
        var fromGraph = Json(await EventSubgraphs.ClusterAsync(new GraphEdges(_graph), _host.DataSource, members, maxEdges, null, default));
        var fromTable = Json(await EventSubgraphs.ClusterAsync(new EventTableEdges(_host.DataSource, Window), _host.DataSource, members, maxEdges, null, default));
        Assert.That(fromGraph, Is.EqualTo(fromTable));
        Assert.That(fromGraph, Does.Contain("\"truncated\":" + (maxEdges < 5000 ? "true" : "false")));
    }

    [Test]
    public async Task The_window_decides_which_events_count()
    {
        // Events outside the run's window exist, so a path that ignored the window would not agree with the graph.
        var windowed = await NeighborhoodAsync(new EventTableEdges(_host.DataSource, Window), 1, 1, 1000);
        var all = await NeighborhoodAsync(new EventTableEdges(_host.DataSource, SnapshotWindow.All), 1, 1, 1000);
        Assert.That(windowed, Is.Not.EqualTo(all));
    }

    [Test]
    public async Task Once_the_graph_is_loaded_neighborhoods_and_clusters_are_served_without_the_events_table()
    {
        await using var host = await ServiceHost.StartAsync("nbr_memory", SeedAsync);
        using var client = host.Client(await host.KeyAsync("analyst", 100_000, Scopes.ClustersRead));
        using var open = host.Client();
        var run = await ScoringWorld.ScalarAsync(host.DataSource, "select max(run_id) from publications");
        await Eventually.HoldsAsync(async () => (await open.GetStringAsync("/metrics")).Contains($"graphguard_graph_run_id {run}\n", StringComparison.Ordinal),
            $"graph of run {run} loaded");
        var cluster = await ScoringWorld.ScalarAsync(host.DataSource, "select max(cluster_id) from clusters");
        string[] urls = ["/v1/accounts/a1/neighborhood?hops=1", "/v1/accounts/a1/neighborhood?hops=2&limit=10", $"/v1/clusters/{cluster}"];
        var before = await Task.WhenAll(urls.Select(client.GetStringAsync));

        await ScoringWorld.ExecAsync(host.DataSource, "drop table events cascade");
        foreach (var (url, expected) in urls.Zip(before))
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Is.EqualTo(expected), url);
        }
        Assert.That(JsonDocument.Parse(before[1]).RootElement.GetProperty("subgraph").GetProperty("nodes").GetArrayLength(), Is.EqualTo(10));
    }

    private async Task<string> NeighborhoodAsync(IEdgeSource source, int start, int hops, int limit) =>
        Json(await EventSubgraphs.NeighborhoodAsync(source, _host.DataSource, start, hops, limit, null, default));

    private static string Json(SubgraphView view) => JsonSerializer.Serialize(view, ApiJsonContext.Default.SubgraphView);

    /// <summary>The scoring world, five more devices and 800 seeded random events over two months (some outside the window), scored, clustered and published.</summary>
    private static async Task SeedAsync(NpgsqlDataSource db)
    {
        await ScoringWorld.CreateAsync(db);
        await ScoringWorld.ExecAsync(db, "insert into entities (id, kind, external_id) select 101 + i, 3, 'd' || (i + 1) from generate_series(1, 5) i");
        var random = new Random(7);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, 800).Select(i =>
        {
            var actor = random.Next(1, 21);
            var device = random.Next(3) == 0;
            var target = device ? (random.Next(6) == 0 ? ScoringWorld.DeviceId : random.Next(102, 107)) : random.Next(1, 21);
            var action = device ? 8 : random.Next(2) == 0 ? 1 : 5;
            return $"('{start.AddHours(random.Next(24 * 60)):yyyy-MM-dd HH:mm:ss}+00', {actor}, {target}, {action}, 'g{i}')";
        });
        await ScoringWorld.ExecAsync(db, $"insert into events (ts, actor_id, target_id, action, event_id) values {string.Join(", ", rows)}");
        var run = await PublishedRun.ScoredAsync(db, "m-1", i => i < 4 ? 0.9f : 0.2f);
        await ScoringWorld.ExecAsync(db, "update pipeline_runs set window_from = $1, window_to = $2 where run_id = $3", Window.From!, Window.To!, run);
        await ScoringWorld.ClusterAsync(db, run, ["lockstep"], 0.9f, [2, 3, 4, 5, 6], [7, 8]);
        await PublishedRun.PublishAsync(db, run);
    }
}
