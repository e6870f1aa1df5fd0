using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GraphGuard.Testing;

namespace GraphGuard.Api.Tests;

/// <summary>Single and batch lookups from the in-memory published run, and their 400s and 404s.</summary>
public sealed class EnforcementTests
{
    private ServiceHost _host = null!;
    private HttpClient _client = null!;
    private long _runId;
    private long _clusterId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await ServiceHost.StartAsync("enforcement", async db =>
        {
            await ScoringWorld.CreateAsync(db);
            _runId = await PublishedRun.ScoredAsync(db, "m-1", i => i / 15f + 0.01f);
            _clusterId = await ScoringWorld.ClusterAsync(db, _runId, ["lockstep", "shared_infrastructure"], 0.9f, [2, 3], [4]);
            await PublishedRun.PublishAsync(db, _runId);
        });
        await _host.WaitForRunAsync(_runId);
        _client = _host.Client(await _host.KeyAsync("enforcer", 100_000, "risk:read"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Risk_lookup_returns_score_band_model_run_reasons_and_clusters()
    {
        var response = await _client.GetAsync("/v1/accounts/a1/risk");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var risk = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(risk.GetProperty("account_id").GetString(), Is.EqualTo("a1"));
        Assert.That(risk.GetProperty("score").GetSingle(), Is.EqualTo(1 / 15f + 0.01f));
        Assert.That(risk.GetProperty("band").GetString(), Is.EqualTo("low"));
        Assert.That(risk.GetProperty("model_version").GetString(), Is.EqualTo("m-1"));
        Assert.That(risk.GetProperty("run_id").GetInt64(), Is.EqualTo(_runId));
        Assert.That(risk.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "shares device d1 with 1 accounts", "account is new" }));
        var cluster = risk.GetProperty("clusters").EnumerateArray().Single();
        Assert.That(cluster.GetProperty("id").GetInt64(), Is.EqualTo(_clusterId));
        Assert.That(cluster.GetProperty("score").GetSingle(), Is.EqualTo(0.9f));
        Assert.That(cluster.GetProperty("detectors").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "lockstep", "shared_infrastructure" }));

        var outside = JsonDocument.Parse(await _client.GetStringAsync("/v1/accounts/a14/risk")).RootElement;
        Assert.That(outside.GetProperty("band").GetString(), Is.EqualTo("high"));
        Assert.That(outside.GetProperty("clusters").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Unknown_account_is_404_problem()
    {
        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/accounts/a19/risk"), HttpStatusCode.NotFound, "a19");
        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/accounts/nobody/risk"), HttpStatusCode.NotFound, "nobody");
    }

    [TestCase("%01bad", "control characters")]
    [TestCase("x", "256 bytes", 257)]
    public async Task Malformed_account_id_is_400(string id, string message, int repeat = 1)
    {
        var path = $"/v1/accounts/{string.Concat(Enumerable.Repeat(id, repeat))}/risk";
        await ProblemAssert.IsAsync(await _client.GetAsync(path), HttpStatusCode.BadRequest, message);
    }

    [Test]
    public async Task Batch_returns_known_ids_in_order_and_lists_unknown_ones()
    {
        var response = await _client.PostAsJsonAsync("/v1/risk:batch", new { ids = new[] { "a3", "ghost", "a1", "a3", "caf\u00e9\"x" } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var batch = JsonDocument.Parse(body).RootElement;
        Assert.That(batch.GetProperty("run_id").GetInt64(), Is.EqualTo(_runId));
        Assert.That(batch.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("account_id").GetString()), Is.EqualTo(new[] { "a3", "a1", "a3" }));
        Assert.That(batch.GetProperty("results")[0].GetProperty("clusters")[0].GetProperty("id").GetInt64(), Is.EqualTo(_clusterId));
        Assert.That(batch.GetProperty("unknown").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "ghost", "caf\u00e9\"x" }));
    }

    [Test]
    public async Task Batch_of_10000_ids_is_accepted_and_10001_is_400()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => "a" + (i % 20)).ToArray();
        var response = await _client.PostAsJsonAsync("/v1/risk:batch", new { ids });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var batch = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(batch.GetProperty("results").GetArrayLength() + batch.GetProperty("unknown").GetArrayLength(), Is.EqualTo(10_000));

        var tooMany = await _client.PostAsJsonAsync("/v1/risk:batch", new { ids = ids.Append("a1").ToArray() });
        await ProblemAssert.IsAsync(tooMany, HttpStatusCode.BadRequest, "at most 10,000 ids");
    }

    [TestCase("{\"ids\": [\"a1\",", "not valid JSON")]
    [TestCase("[\"a1\"]", "JSON object")]
    [TestCase("{\"ids\": [\"a1\", 7]}", "ids[1] is a number")]
    [TestCase("{\"ids\": [\"\"]}", "ids[0]: an account id is 1 to 256 bytes")]
    [TestCase("{\"accounts\": [\"a1\"]}", "unknown field 'accounts'")]
    [TestCase("{}", "no 'ids'")]
    [TestCase("", "not valid JSON")]
    public async Task Malformed_batch_is_400_saying_why(string body, string message)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        await ProblemAssert.IsAsync(await _client.PostAsync("/v1/risk:batch", content), HttpStatusCode.BadRequest, message);
    }
}
