using System.Net;
using GraphGuard.Api.Security;
using GraphGuard.Testing;

namespace GraphGuard.Api.Tests;

/// <summary>API keys: 401 without, with a wrong or revoked one; 403 without the scope; 429 past the key's rate.</summary>
public sealed class AuthTests
{
    private ServiceHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await ServiceHost.StartAsync("auth", async db =>
        {
            await ScoringWorld.CreateAsync(db);
            await PublishedRun.PublishAsync(db, await PublishedRun.ScoredAsync(db, "m-1", i => 0.5f));
        });
    }

    [OneTimeTearDown]
    public Task StopAsync() => _host.DisposeAsync().AsTask();

    [Test]
    public async Task Missing_key_is_401_with_a_challenge()
    {
        using var client = _host.Client();
        var response = await client.GetAsync("/v1/accounts/a1/risk");
        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "API key is required");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
    }

    [TestCase("not-a-key", "malformed")]
    [TestCase("gg_0000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "malformed")]
    [TestCase("gg_00000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "not valid")]
    public async Task Wrong_key_is_401(string key, string message)
    {
        using var client = _host.Client(key);
        var response = await client.GetAsync("/v1/accounts/a1/risk");
        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, message);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("invalid_token"));
    }

    [Test]
    public async Task A_real_prefix_with_a_wrong_secret_is_401()
    {
        var key = await _host.KeyAsync("wrong-secret", 1000, Scopes.RiskRead);
        var forged = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var client = _host.Client(forged);
        await ProblemAssert.IsAsync(await client.GetAsync("/v1/accounts/a1/risk"), HttpStatusCode.Unauthorized, "not valid");
    }

    [Test]
    public async Task Revoked_key_is_401_once_the_service_hears_of_it()
    {
        var key = await _host.KeyAsync("to-revoke", 1000, Scopes.RiskRead);
        using var client = _host.Client(key);
        Assert.That((await client.GetAsync("/v1/accounts/a1/risk")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ApiKeyStore.RevokeAsync(_host.DataSource, "to-revoke"), Is.True);
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/v1/accounts/a1/risk")).StatusCode == HttpStatusCode.Unauthorized, "revoked key refused");
        await ProblemAssert.IsAsync(await client.GetAsync("/v1/accounts/a1/risk"), HttpStatusCode.Unauthorized, "revoked");
    }

    [Test]
    public async Task Key_without_the_scope_is_403_and_admin_may_do_everything()
    {
        using var analyst = _host.Client(await _host.KeyAsync("analyst-only", 1000, Scopes.ClustersRead));
        await ProblemAssert.IsAsync(await analyst.GetAsync("/v1/accounts/a1/risk"), HttpStatusCode.Forbidden, "risk:read");
        Assert.That((await analyst.GetAsync("/v1/clusters")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var admin = _host.Client(await _host.KeyAsync("admin", 1000, Scopes.Admin));
        Assert.That((await admin.GetAsync("/v1/accounts/a1/risk")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await admin.GetAsync("/v1/clusters")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task X_Api_Key_header_is_accepted_too()
    {
        var key = await _host.KeyAsync("header", 1000, Scopes.RiskRead);
        using var client = _host.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.That((await client.GetAsync("/v1/accounts/a1/risk")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Requests_past_the_keys_rate_are_429_with_retry_after()
    {
        using var client = _host.Client(await _host.KeyAsync("slow", 2, Scopes.RiskRead));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await client.GetAsync("/v1/accounts/a1/risk");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }
        Assert.That(limited, Is.Not.Null, string.Join(",", statuses));
        await ProblemAssert.IsAsync(limited!, HttpStatusCode.TooManyRequests, "2 requests per second");
        Assert.That(limited!.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        // Another key is not affected by this key's limit.
        using var other = _host.Client(await _host.KeyAsync("fast", 1000, Scopes.RiskRead));
        Assert.That((await other.GetAsync("/v1/accounts/a1/risk")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("/healthz")]
    [TestCase("/readyz")]
    [TestCase("/metrics")]
    public async Task Operations_endpoints_need_no_key(string path)
    {
        using var client = _host.Client();
        Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
