using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GraphGuard.Api.Security;
using GraphGuard.Testing;

namespace GraphGuard.Api.Tests;

/// <summary>Clusters, one cluster's subgraph, an account's neighborhood, and analysts' decisions.</summary>
public sealed class AnalystTests
{
    private ServiceHost _host = null!;
    private HttpClient _client = null!;
    private long _runId;
    private long _lockstep;
    private long _infrastructure;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await ServiceHost.StartAsync("analyst", async db =>
        {
            await ScoringWorld.CreateAsync(db);
            var older = await PublishedRun.ScoredAsync(db, "m-0", i => 0.1f);
            await ScoringWorld.ClusterAsync(db, older, ["lockstep"], 0.99f, [2, 3, 4, 5], []);
            _runId = await PublishedRun.ScoredAsync(db, "m-1", i => i < 4 ? 0.9f : 0.2f);
            _lockstep = await ScoringWorld.ClusterAsync(db, _runId, ["lockstep", "shared_infrastructure"], 0.9f, [2, 3], [4]);
            _infrastructure = await ScoringWorld.ClusterAsync(db, _runId, ["shared_infrastructure"], 0.6f, [7, 8, 9, 10], [11]);
            await PublishedRun.PublishAsync(db, _runId);
        });
        await _host.WaitForRunAsync(_runId);
        _client = _host.Client(await _host.KeyAsync("alice", 100_000, Scopes.ClustersRead, Scopes.LabelsWrite));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Clusters_of_the_published_run_are_listed_by_score_or_size_and_filtered_by_detector()
    {
        var list = await JsonAsync("/v1/clusters");
        Assert.That(list.GetProperty("run_id").GetInt64(), Is.EqualTo(_runId));
        Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(2), "the older run's cluster is not listed");
        Assert.That(Ids(list), Is.EqualTo(new[] { _lockstep, _infrastructure }));
        var first = list.GetProperty("clusters")[0];
        Assert.That(first.GetProperty("headline").GetString(), Is.EqualTo("All 3 accounts logged in from device d1."));
        Assert.That(first.GetProperty("size").GetInt32(), Is.EqualTo(3));
        var campaign = first.GetProperty("campaign");
        Assert.That((campaign.GetProperty("first_size").GetInt32(), campaign.GetProperty("runs").GetInt32(), campaign.GetProperty("joined").GetInt32()), Is.EqualTo((3, 1, 3)));
        Assert.That(campaign.GetProperty("growth").ValueKind, Is.EqualTo(JsonValueKind.Null), "a campaign new in this run has no growth");

        Assert.That(Ids(await JsonAsync("/v1/clusters?order=size")), Is.EqualTo(new[] { _infrastructure, _lockstep }));
        Assert.That(Ids(await JsonAsync("/v1/clusters?detector=lockstep")), Is.EqualTo(new[] { _lockstep }));
        Assert.That(Ids(await JsonAsync("/v1/clusters?limit=1&offset=1")), Is.EqualTo(new[] { _infrastructure }));
        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/clusters?order=age"), HttpStatusCode.BadRequest, "order");
        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/clusters?limit=-1"), HttpStatusCode.BadRequest, "limit");
    }

    [Test]
    public async Task A_cluster_shows_members_with_risk_evidence_and_the_targets_they_share()
    {
        var cluster = await JsonAsync($"/v1/clusters/{_lockstep}");
        Assert.That(cluster.GetProperty("cluster").GetProperty("detectors").EnumerateArray().Select(d => d.GetString()),
            Is.EqualTo(new[] { "lockstep", "shared_infrastructure" }));
        Assert.That(cluster.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("sentence").GetString()), Is.EqualTo(new[]
        {
            "All 3 accounts logged in from device d1.", "They followed the same accounts within minutes.",
        }));
        Assert.That(cluster.GetProperty("evidence")[0].GetProperty("numbers").GetProperty("accounts").GetInt32(), Is.EqualTo(3));
        var members = cluster.GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("account_id").GetString(), m.GetProperty("role").GetString(), m.GetProperty("band").GetString())).ToList();
        Assert.That(members, Is.EqualTo(new[] { ("a1", "core", "high"), ("a2", "core", "high"), ("a3", "periphery", "high") }));
        var edges = cluster.GetProperty("subgraph").GetProperty("edges").EnumerateArray()
            .Select(e => (e.GetProperty("source").GetString(), e.GetProperty("target").GetString(), e.GetProperty("action").GetString(), e.GetProperty("count").GetInt64()))
            .ToList();
        // Follows among members, and the device all three logged in from: a target two or more members share.
        Assert.That(edges, Is.EqualTo(new[]
        {
            ("account:a1", "account:a2", "follow", 3L), ("account:a1", "device:d1", "login", 1L), ("account:a2", "account:a3", "follow", 1L),
            ("account:a2", "device:d1", "login", 1L), ("account:a3", "device:d1", "login", 1L),
        }));
        Assert.That(cluster.GetProperty("subgraph").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("key").GetString()),
            Is.EqualTo(new[] { "account:a1", "account:a2", "account:a3", "device:d1" }));

        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/clusters/999999"), HttpStatusCode.NotFound, "999999");
        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/clusters/abc"), HttpStatusCode.BadRequest, "cluster id");
    }

    [Test]
    public async Task Neighborhood_grows_with_hops_and_respects_the_limit()
    {
        var one = await JsonAsync("/v1/accounts/a1/neighborhood?hops=1");
        Assert.That(Nodes(one), Is.EquivalentTo(new[] { "account:a1", "account:a2", "device:d1", "content:c1" }));
        var device = one.GetProperty("subgraph").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("key").GetString() == "device:d1");
        Assert.That(device.GetProperty("kind").GetString(), Is.EqualTo("device"));
        Assert.That(device.GetProperty("band").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var a2 = one.GetProperty("subgraph").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("key").GetString() == "account:a2");
        Assert.That(a2.GetProperty("band").GetString(), Is.EqualTo("high"));

        var two = await JsonAsync("/v1/accounts/a1/neighborhood");
        Assert.That(Nodes(two), Is.EquivalentTo(new[] { "account:a1", "account:a2", "device:d1", "content:c1", "account:a3", "account:a4" }));
        Assert.That(two.GetProperty("subgraph").GetProperty("truncated").GetBoolean(), Is.False);

        var capped = await JsonAsync("/v1/accounts/a1/neighborhood?hops=3&limit=3");
        Assert.That(Nodes(capped), Has.Count.EqualTo(3));
        Assert.That(capped.GetProperty("subgraph").GetProperty("truncated").GetBoolean(), Is.True);

        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/accounts/a1/neighborhood?hops=4"), HttpStatusCode.BadRequest, "hops");
        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/accounts/a1/neighborhood?limit=5000"), HttpStatusCode.BadRequest, "limit");
        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/accounts/zz/neighborhood"), HttpStatusCode.NotFound, "zz");
    }

    [Test]
    public async Task A_label_on_an_account_is_recorded_as_a_decision_and_a_training_label()
    {
        var response = await _client.PostAsJsonAsync("/v1/labels", new { account_id = "a6", label = "abusive", note = "spam ring" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        var result = JsonDocument.Parse(body).RootElement;
        Assert.That(result.GetProperty("author").GetString(), Is.EqualTo("alice"));
        Assert.That(result.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "a6" }));
        Assert.That(await TestDatabase.CountAsync(_host.DataSource,
            "select count(*) from analyst_decisions where account_id = 7 and author = 'alice' and label = 'abusive' and note = 'spam ring' and cluster_id is null"), Is.EqualTo(1));
        Assert.That(await TestDatabase.CountAsync(_host.DataSource,
            "select count(*) from labels where account_id = 7 and label = 'abusive' and source = 'analyst' and ts is not null"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_label_on_a_cluster_covers_every_member_in_one_transaction()
    {
        var response = await _client.PostAsJsonAsync("/v1/labels", new { cluster_id = _infrastructure, label = "benign" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(await TestDatabase.CountAsync(_host.DataSource,
            $"select count(*) from analyst_decisions where cluster_id = {_infrastructure} and label = 'benign'"), Is.EqualTo(5));
        Assert.That(await TestDatabase.CountAsync(_host.DataSource,
            "select count(*) from labels where account_id between 7 and 11 and label = 'benign' and source = 'analyst'"), Is.EqualTo(5));
    }

    [TestCase("{\"account_id\": \"a1\", \"label\": \"maybe\"}", HttpStatusCode.BadRequest, "label")]
    [TestCase("{\"account_id\": \"a1\", \"cluster_id\": 1, \"label\": \"benign\"}", HttpStatusCode.BadRequest, "exactly one")]
    [TestCase("{\"label\": \"benign\"}", HttpStatusCode.BadRequest, "exactly one")]
    [TestCase("{\"account_id\": \"a1\", \"label\": ", HttpStatusCode.BadRequest, "JSON")]
    [TestCase("{\"cluster_id\": \"one\", \"label\": \"benign\"}", HttpStatusCode.BadRequest, "cluster_id")]
    [TestCase("{\"account_id\": \"ghost\", \"label\": \"benign\"}", HttpStatusCode.NotFound, "ghost")]
    public async Task A_bad_label_request_is_refused_with_a_reason(string body, HttpStatusCode status, string message)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        await ProblemAssert.IsAsync(await _client.PostAsync("/v1/labels", content), status, message);
    }

    [Test]
    public async Task Labels_need_the_labels_write_scope()
    {
        using var reader = _host.Client(await _host.KeyAsync("reader", 1000, Scopes.ClustersRead));
        await ProblemAssert.IsAsync(await reader.PostAsJsonAsync("/v1/labels", new { account_id = "a1", label = "benign" }), HttpStatusCode.Forbidden, "labels:write");
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<long> Ids(JsonElement list) => [.. list.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("id").GetInt64())];

    private static List<string> Nodes(JsonElement neighborhood) =>
        [.. neighborhood.GetProperty("subgraph").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("key").GetString()!)];
}
