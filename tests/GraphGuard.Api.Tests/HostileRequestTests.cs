using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GraphGuard.Api.Security;
using GraphGuard.Testing;
using Microsoft.Extensions.Logging;

namespace GraphGuard.Api.Tests;

/// <summary>Requests a hostile client sends: every one is a problem+json in our words with one status per condition, never a 500.</summary>
public sealed class HostileRequestTests
{
    private ServiceHost _host = null!;
    private HttpClient _client = null!;
    private readonly LogLines _log = new();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _) = await ServiceHost.StartPublishedAsync("hostile", logging: l => l.AddProvider(_log));
        _client = _host.Client(await _host.KeyAsync("mallory", 100_000, Scopes.RiskRead, Scopes.ClustersRead, Scopes.LabelsWrite));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        _client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    [Test]
    public async Task A_nul_in_a_label_note_is_400_and_nothing_is_stored()
    {
        await ProblemAssert.IsAsync(await PostAsync("/v1/labels", """{"account_id":"a1","label":"abusive","note":"a\u0000b"}"""), HttpStatusCode.BadRequest, "NUL");
        Assert.That(await ScoringWorld.ScalarAsync(_host.DataSource, "select count(*) from analyst_decisions"), Is.Zero);
    }

    [TestCase("{\"account_id\":\"a1\",", "not valid JSON (line 1")]
    [TestCase("[1,2]", "JSON object")]
    [TestCase("{\"account_id\":7,\"label\":\"abusive\"}", "'account_id' must be a string")]
    [TestCase("{\"account_id\":\"a1\",\"label\":\"abusive\",\"extra\":1}", "unknown field 'extra'")]
    [TestCase("{\"cluster_id\":-3,\"label\":\"abusive\"}", "positive integer")]
    [TestCase("{\"account_id\":\"a1\",\"label\":\"abusive\",\"note\":\"\\ud800\"}", "half a surrogate pair")]
    public async Task A_malformed_label_body_is_400_in_our_words_logged_without_a_stack_trace(string body, string detail)
    {
        var before = _log.Lines.Count;
        var problem = await ProblemAssert.IsAsync(await PostAsync("/v1/labels", body), HttpStatusCode.BadRequest, detail);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Not.Contain("LabelRequestView").And.Not.Contain("System."));
        var logged = _log.Lines.Skip(before).ToList();
        Assert.That(logged, Has.Count.LessThanOrEqualTo(1).And.None.Contains("\n").And.None.StartWith("Error"), "at most one line, no stack trace: " + string.Join(" | ", logged));
    }

    [Test]
    public async Task A_forged_cursor_is_refused_and_an_issued_one_works()
    {
        await ProblemAssert.IsAsync(await _client.GetAsync("/v1/risk/changes?cursor=AQ__________"), HttpStatusCode.BadRequest, "cursor");
        var page = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/v1/risk/changes")).RootElement;
        var issued = page.GetProperty("next_cursor").GetString()!;
        Assert.That((await _client.GetAsync($"/v1/risk/changes?cursor={issued}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // The same position with its last byte changed: the MAC no longer matches.
        var edited = issued[..^1] + (issued[^1] == 'A' ? 'B' : 'A');
        await ProblemAssert.IsAsync(await _client.GetAsync($"/v1/risk/changes?cursor={edited}"), HttpStatusCode.BadRequest, "cursor");
    }

    [Test]
    public async Task An_empty_batch_is_400() =>
        await ProblemAssert.IsAsync(await PostAsync("/v1/risk:batch", """{"ids":[]}"""), HttpStatusCode.BadRequest, "1 to 10,000");

    [TestCase("/v1/risk:batch", 9 << 20)]
    [TestCase("/v1/labels", 100 << 10)]
    public async Task An_oversize_body_is_413_on_every_endpoint(string path, int bytes)
    {
        await ProblemAssert.IsAsync(await PostAsync(path, "{\"ids\":[\"" + new string('x', bytes) + "\"]}"), HttpStatusCode.RequestEntityTooLarge, "the body is over");
        // Sent without a Content-Length (chunked), the limit is found while reading.
        var chunked = new StreamContent(new MemoryStream(new byte[bytes])) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await ProblemAssert.IsAsync(await _client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase("/v1/clusters?detector=%00")]
    [TestCase("/v1/clusters?order=%00")]
    [TestCase("/v1/clusters?limit=%00")]
    [TestCase("/v1/risk/changes?cursor=%00")]
    public async Task A_nul_in_a_query_is_a_problem_not_an_empty_400(string url) =>
        await ProblemAssert.IsAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest);

    [Test]
    public async Task A_long_id_is_not_echoed_whole()
    {
        var id = new string('z', 7000);
        var response = await _client.GetAsync($"/v1/accounts/{id}/risk");
        var body = await response.Content.ReadAsStringAsync();
        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "256 bytes");
        Assert.That(body, Has.Length.LessThan(1000));
    }

    [Test]
    public async Task Two_authorization_headers_are_400_saying_so()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/accounts/a1/risk");
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer gg_00000000_x", "Bearer gg_11111111_y"]);
        using var bare = _host.Client();
        await ProblemAssert.IsAsync(await bare.SendAsync(request), HttpStatusCode.BadRequest, "more than one Authorization");
    }
}
