using GraphGuard.Core.Domain;
using GraphGuard.Storage.Ingest;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Storage.Tests.Ingest;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Storage.Tests.Snapshots;

public sealed class SnapshotLoaderTests
{
    private NpgsqlDataSource _db = null!;
    private TempFolder _world = null!;

    [OneTimeSetUp]
    public async Task IngestWorld()
    {
        _db = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(nameof(SnapshotLoaderTests)));
        _world = new TempFolder();
        var random = new Random(3);
        var events = new System.Text.StringBuilder("event_id,ts,actor,action,target_type,target\n");
        string[] types = ["account", "device", "ip", "content"];
        for (var i = 0; i < 5000; i++)
        {
            var type = types[random.Next(types.Length)];
            events.Append($"e{i:D6},2026-0{1 + random.Next(6)}-{1 + random.Next(28):D2}T{random.Next(24):D2}:00:00Z,a{random.Next(300)},{(random.Next(2) == 0 ? "like" : "login")},{type},{type[0]}{random.Next(400)}\n");
        }
        _world.Write("events.csv", events.ToString());
        await new Ingestor(_db, new IngestOptions { BatchRows = 700 }).IngestAsync(_world.Path);
    }

    [OneTimeTearDown]
    public async Task Cleanup()
    {
        _world.Dispose();
        await _db.DisposeAsync();
    }

    private async Task<List<(int, int, string, DateTime)>> EventsInDatabaseAsync(string where)
    {
        var rows = new List<(int, int, string, DateTime)>();
        await using var cmd = _db.CreateCommand($"select e.actor_id, e.target_id, a.name, e.ts from events e join actions a on a.code = e.action {where}");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetDateTime(3)));
        }
        return rows;
    }

    private static List<(int, int, string, DateTime)> OutEdges(GraphGuard.Core.Graph.InteractionGraph g)
    {
        var edges = new List<(int, int, string, DateTime)>();
        for (var v = 0; v < g.NodeCount; v++)
        {
            var n = g.OutNeighbors(v);
            var t = g.OutTimes(v);
            var a = g.OutActions(v);
            for (var i = 0; i < n.Length; i++)
            {
                edges.Add((v, n[i], g.Actions[a[i]], g.At(t[i])));
            }
        }
        return edges;
    }

    [TestCase(1)]
    [TestCase(3)]
    public async Task The_snapshot_holds_exactly_the_stored_events_whatever_the_reader_count(int readers)
    {
        var (graph, _) = await SnapshotLoader.LoadAsync(_db, SnapshotWindow.All, readers);
        using (graph)
        {
            Assert.That(OutEdges(graph), Is.EquivalentTo(await EventsInDatabaseAsync("")));
            Assert.That(graph.EdgeCount, Is.EqualTo(5000));
            var inCount = Enumerable.Range(0, graph.NodeCount).Sum(v => (long)graph.InDegree(v));
            Assert.That(inCount, Is.EqualTo(graph.EdgeCount));
        }
    }

    [Test]
    public async Task A_window_keeps_only_its_events_and_counts_time_from_its_start()
    {
        var from = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var (graph, _) = await SnapshotLoader.LoadAsync(_db, new SnapshotWindow(from, to));
        using (graph)
        {
            Assert.That(OutEdges(graph), Is.EquivalentTo(await EventsInDatabaseAsync("where ts >= '2026-03-01Z' and ts < '2026-05-01Z'")));
            Assert.That(graph.TimeBase, Is.EqualTo(from));
        }
    }

    [Test]
    public async Task Features_of_a_snapshot_are_stored_per_run_and_read_back_as_the_same_matrix()
    {
        var (graph, _) = await SnapshotLoader.LoadAsync(_db, SnapshotWindow.All);
        using (graph)
        {
            using var projection = GraphGuard.Core.Graph.SharedContextProjection.Build(graph, new GraphGuard.Core.Graph.ProjectionOptions());
            var created = await GraphGuard.Storage.Features.FeatureStore.ReadCreatedAtAsync(_db, graph, projection.Accounts);
            var matrix = GraphGuard.Core.Features.GraphFeatures.Compute(graph, projection, created, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), [0, 1]);

            var first = await GraphGuard.Storage.Features.FeatureStore.WriteAsync(_db, matrix, SnapshotWindow.All);
            var second = await GraphGuard.Storage.Features.FeatureStore.WriteAsync(_db, matrix, SnapshotWindow.All);
            var (runId, read) = await GraphGuard.Storage.Features.FeatureStore.ReadAsync(_db);

            Assert.That(second, Is.GreaterThan(first));
            Assert.That(runId, Is.EqualTo(second), "the latest run by default");
            Assert.That(read.Names, Is.EqualTo(matrix.Names));
            Assert.That(read.AccountIds, Is.EqualTo(matrix.AccountIds));
            Assert.That(read.Values, Is.EqualTo(matrix.Values), "NaN compares equal to NaN here");
            Assert.That(matrix.RowCount, Is.EqualTo(await TestDatabase.CountAsync(_db, "select count(*) from entities where kind = 1")));
        }
    }

    [Test]
    public async Task Node_kinds_come_from_the_entities()
    {
        var (graph, _) = await SnapshotLoader.LoadAsync(_db, SnapshotWindow.All);
        using (graph)
        {
            await using var cmd = _db.CreateCommand("select id, kind from entities");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Assert.That(graph.Kind(reader.GetInt32(0)), Is.EqualTo((EntityKind)reader.GetInt16(1)));
            }
        }
    }
}
