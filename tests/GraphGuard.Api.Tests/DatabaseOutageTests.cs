using System.Net;
using System.Text;
using System.Text.Json;
using GraphGuard.Api.Security;
using GraphGuard.Testing;
using Microsoft.Extensions.Logging;

namespace GraphGuard.Api.Tests;

/// <summary>
/// The database goes away under a running service (its connection severed for real, see <see cref="DatabaseLink"/>):
/// what is in memory still answers, what needs the database is 503 with Retry-After, /readyz says so, the log
/// has one line for the outage and one for its end, and everything works again once it is back.
/// </summary>
public sealed class DatabaseOutageTests
{
    private DatabaseLink _link = null!;
    private ServiceHost _host = null!;
    private HttpClient _client = null!;
    private readonly LogLines _log = new();
    private long _clusterId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _clusterId) = await ServiceHost.StartPublishedAsync("outage", cs => (_link = new DatabaseLink(cs)).ConnectionString, l => l.AddProvider(_log));
        _client = _host.Client(await _host.KeyAsync("oncall", 100_000, Scopes.RiskRead, Scopes.ClustersRead, Scopes.LabelsWrite));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _link.DisposeAsync();
    }

    [Test]
    public async Task An_outage_is_503_with_retry_after_where_the_database_is_needed_and_memory_still_answers()
    {
        var cursor = JsonDocument.Parse(await _client.GetStringAsync("/v1/risk/changes")).RootElement.GetProperty("next_cursor").GetString();

        _link.Sever();
        string[] needDatabase = ["/v1/clusters", $"/v1/clusters/{_clusterId}", $"/v1/risk/changes?cursor={cursor}", "/v1/accounts/a1/neighborhood"];
        for (var round = 0; round < 5; round++)
        {
            foreach (var path in needDatabase)
            {
                var response = await _client.GetAsync(path);
                await ProblemAssert.IsAsync(response, HttpStatusCode.ServiceUnavailable, "database is unreachable");
                Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)), path);
            }
            var label = await _client.PostAsync("/v1/labels", new StringContent("""{"account_id":"a1","label":"benign"}""", Encoding.UTF8, "application/json"));
            await ProblemAssert.IsAsync(label, HttpStatusCode.ServiceUnavailable);
            Assert.That((await _client.GetAsync("/v1/accounts/a1/risk")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "lookups answer from memory");
            var batch = await _client.PostAsync("/v1/risk:batch", new StringContent("""{"ids":["a1","a2"]}""", Encoding.UTF8, "application/json"));
            Assert.That(batch.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        using var anonymous = _host.Client();
        var ready = await anonymous.GetAsync("/readyz");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await ready.Content.ReadAsStringAsync(), Does.Contain("database unreachable"));

        _link.Mend();
        await Eventually.HoldsAsync(async () => (await anonymous.GetAsync("/readyz")).IsSuccessStatusCode, "ready again");
        Assert.That((await _client.GetAsync($"/v1/risk/changes?cursor={cursor}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "an old cursor still works");
        Assert.That((await _client.GetAsync("/v1/clusters")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // The recovery line is written just after the state flips, so /readyz can answer before it lands.
        await Eventually.HoldsAsync(() => Task.FromResult(_log.Lines.Any(l => l.Contains("database reachable again"))), "the recovery logged");
        var lines = _log.Lines;
        Assert.That(lines.Count(l => l.Contains("database unreachable")), Is.EqualTo(1), string.Join("\n", lines));
        Assert.That(lines.Count(l => l.Contains("database reachable again")), Is.EqualTo(1), string.Join("\n", lines));
        Assert.That(lines, Has.None.Contains("   at "), "no stack traces");
    }
}
