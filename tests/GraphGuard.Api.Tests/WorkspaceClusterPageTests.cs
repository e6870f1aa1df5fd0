using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphGuard.Api.Security;
using GraphGuard.Core.Drift;
using GraphGuard.Storage.Drift;
using GraphGuard.Testing;

namespace GraphGuard.Api.Tests;

/// <summary>
/// The workspace's cluster page: evidence, members with role, risk and age, and the cluster's key features — the run's
/// graph features on which the members' median is in the outer fifth of all accounts (ranked on the drift stage's
/// profile of the run), with each member's value.
/// </summary>
public sealed class WorkspaceClusterPageTests
{
    private ServiceHost _host = null!;
    private HttpClient _client = null!;
    private long _cluster;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        long run = 0;
        _host = await ServiceHost.StartAsync("workspace_cluster_page", async db =>
        {
            await ScoringWorld.CreateAsync(db);
            run = await PublishedRun.ScoredAsync(db, "m-1", i => i is >= 1 and <= 3 ? 0.9f : 0.2f, ScoringWorld.Accounts);
            _cluster = await ScoringWorld.ClusterAsync(db, run, ["lockstep"], 0.9f, [2, 3, 4], []);
            // Members (entities 2, 3, 4) like far more than anyone (50, 60, 70 against 0-4), are days old (1, 2, and one unknown)
            // against 100+, and have everyone's pagerank: the first two set them apart, the last does not.
            float[] Row(int account) => account switch
            {
                2 => [50, 0.05f, 1],
                3 => [60, 0.05f, 2],
                4 => [70, 0.05f, float.NaN],
                _ => [account % 5, 0.05f, 100 + account],
            };
            var rows = Enumerable.Range(1, ScoringWorld.Accounts).Select(Row).ToList();
            var featureRun = await ScoringWorld.ScalarAsync(db,
                "insert into feature_runs (names, pipeline_run_id, kind) values ('{out_like,pagerank,account_age_days}', $1, 'graph') returning feature_run_id", run);
            for (var account = 1; account <= ScoringWorld.Accounts; account++)
            {
                await ScoringWorld.ExecAsync(db, "insert into account_features (feature_run_id, account_id, vals) values ($1, $2, $3)", (int)featureRun, account, rows[account - 1]);
            }
            string[] names = ["out_like", "pagerank", "account_age_days"];
            await DriftStore.ReplaceProfilesAsync(db, run, names.Select((name, c) => (name, c))
                .ToDictionary(n => n.name, n => DistributionProfile.Of([.. rows.Select(r => r[n.c])])));
            await PublishedRun.PublishAsync(db, run);
        }, checkInterval: TimeSpan.FromSeconds(1));
        await _host.WaitForRunAsync(run);
        using (var open = _host.Client())
        {
            await Eventually.HoldsAsync(async () => (await open.GetStringAsync("/metrics")).Contains($"graphguard_graph_run_id {run}\n", StringComparison.Ordinal),
                "the run's graph loaded");
        }
        var key = await _host.KeyAsync("ana", 100_000, Scopes.ClustersRead);
        _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _host.Address };
        (await _client.PostAsJsonAsync("/workspace/api/sign-in", new { key })).EnsureSuccessStatusCode();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task The_members_table_shows_the_features_that_set_the_cluster_apart_with_each_members_value()
    {
        using var response = await _client.GetAsync($"/workspace/api/clusters/{_cluster}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var page = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement;
        var keys = page.GetProperty("key_features").EnumerateArray()
            .Select(k => (k.GetProperty("name").GetString(), k.GetProperty("members_median").GetDouble(), k.GetProperty("population_rank").GetDouble())).ToList();
        var members = page.GetProperty("members").EnumerateArray().Select(m => (
            m.GetProperty("account_id").GetString(), m.GetProperty("role").GetString(), m.GetProperty("band").GetString(),
            string.Join(",", m.GetProperty("key_feature_values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "-" : v.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture))))).ToList();
        Assert.Multiple(() =>
        {
            // Ranks on the profile: age 1.5 is below all but the one day-old account of 19 with an age (missing ages are not ranked);
            // 60 likes is a decile edge of its own, with only 70 above it.
            Assert.That(keys, Is.EqualTo(new[] { ("account_age_days", 1.5, 0.026), ("out_like", 60.0, 0.95) }), "most unusual first; pagerank is everyone's");
            Assert.That(members, Is.EqualTo(new[] { ("a1", "core", "high", "1,50"), ("a2", "core", "high", "2,60"), ("a3", "core", "high", "-,70") }));
            Assert.That(page.GetProperty("evidence")[0].GetProperty("sentence").GetString(), Is.EqualTo("All 3 accounts logged in from device d1."));
            Assert.That(page.GetProperty("members")[0].GetProperty("age_days").ValueKind, Is.EqualTo(JsonValueKind.Number));
        });
    }

    [Test]
    public async Task The_cluster_graph_is_its_own_call_with_the_members_and_the_targets_two_or_more_of_them_share()
    {
        using var response = await _client.GetAsync($"/workspace/api/clusters/{_cluster}/graph");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var graph = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement;
        var labels = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetInt32(), n => n.GetProperty("label").GetString());
        var edges = graph.GetProperty("edges").EnumerateArray()
            .Select(e => (labels[e.GetProperty("source").GetInt32()], labels[e.GetProperty("target").GetInt32()], e.GetProperty("action").GetString(), e.GetProperty("count").GetInt64()));
        Assert.Multiple(async () =>
        {
            // a1 liked c1 alone, so c1 is not shared and not drawn; the device all three logged in from is.
            Assert.That(edges, Is.EquivalentTo(new[]
            {
                ("a1", "a2", "follow", 3L), ("a2", "a3", "follow", 1L), ("a1", "d1", "login", 1L), ("a2", "d1", "login", 1L), ("a3", "d1", "login", 1L),
            }));
            Assert.That(graph.GetProperty("truncated").GetBoolean(), Is.False);
            await ProblemAssert.IsAsync(await _client.GetAsync("/workspace/api/clusters/999999/graph"), HttpStatusCode.NotFound, "999999");
            await ProblemAssert.IsAsync(await _client.GetAsync("/workspace/api/clusters/abc/graph"), HttpStatusCode.BadRequest, "cluster id");
        });
    }
}
