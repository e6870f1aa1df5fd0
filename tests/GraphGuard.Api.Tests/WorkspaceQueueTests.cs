using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GraphGuard.Api.Security;
using GraphGuard.Testing;

namespace GraphGuard.Api.Tests;

/// <summary>
/// The workspace's cluster queue over two publications: each cluster new, growing, shrinking or steady against the
/// cluster of the previously published run it shares most members with; sorted and filtered by detector, size, trend
/// and decision; and the workspace session's headers and sign-out. Through a signed-in cookie session, as the browser calls it.
/// </summary>
public sealed class WorkspaceQueueTests
{
    private ServiceHost _host = null!;
    private HttpClient _client = null!;
    private string _csrf = null!;
    private long _growing;
    private long _steady;
    private long _shrinking;
    private long _new;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        long current = 0;
        _host = await ServiceHost.StartAsync("workspace_queue", async db =>
        {
            await ScoringWorld.CreateAsync(db);
            var previous = await PublishedRun.ScoredAsync(db, "m-0", _ => 0.3f, ScoringWorld.Accounts);
            await ScoringWorld.ClusterAsync(db, previous, ["lockstep"], 0.9f, [2, 3, 4, 5], []);
            await ScoringWorld.ClusterAsync(db, previous, ["shared_infrastructure"], 0.8f, [7, 8], [9]);
            await ScoringWorld.ClusterAsync(db, previous, ["lockstep"], 0.7f, [12, 13, 14, 15, 16, 17], []);
            await PublishedRun.PublishAsync(db, previous);
            current = await PublishedRun.ScoredAsync(db, "m-1", _ => 0.6f, ScoringWorld.Accounts);
            // 4 → 5 members: growing (a tenth or more); 3 → 3: steady; 6 → 3: shrinking; no shared member: new.
            _growing = await ScoringWorld.ClusterAsync(db, current, ["lockstep"], 0.9f, [2, 3, 4, 5], [6]);
            _steady = await ScoringWorld.ClusterAsync(db, current, ["shared_infrastructure"], 0.8f, [7, 8], [9]);
            _shrinking = await ScoringWorld.ClusterAsync(db, current, ["lockstep"], 0.7f, [12, 13, 14], []);
            _new = await ScoringWorld.ClusterAsync(db, current, ["lockstep", "shared_infrastructure"], 0.6f, [18, 19, 20], []);
            await PublishedRun.PublishAsync(db, current);
        }, checkInterval: TimeSpan.FromSeconds(1));
        await _host.WaitForRunAsync(current);
        var key = await _host.KeyAsync("ana", 100_000, Scopes.ClustersRead, Scopes.LabelsWrite);
        _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _host.Address };
        (await _client.PostAsJsonAsync("/workspace/api/sign-in", new { key })).EnsureSuccessStatusCode();
        _csrf = (await JsonAsync("/workspace/api/session")).GetProperty("csrf_token").GetString()!;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Each_cluster_is_new_growing_shrinking_or_steady_against_the_previous_publication()
    {
        var queue = await JsonAsync("/workspace/api/queue");
        var trends = queue.GetProperty("clusters").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetInt64(),
            c => (c.GetProperty("trend").GetString(), c.GetProperty("previous_size").ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty("previous_size").GetInt32()));
        Assert.Multiple(async () =>
        {
            Assert.That(queue.GetProperty("previous_run_id").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(trends, Is.EquivalentTo(new Dictionary<long, (string?, int?)>
            {
                [_growing] = ("growing", 4),
                [_steady] = ("steady", 3),
                [_shrinking] = ("shrinking", 6),
                [_new] = ("new", null),
            }));
            Assert.That(await IdsAsync("trend=new"), Is.EqualTo(new[] { _new }));
            Assert.That(await IdsAsync("trend=growing"), Is.EqualTo(new[] { _growing }));
            Assert.That(await IdsAsync("trend=shrinking"), Is.EqualTo(new[] { _shrinking }));
        });
    }

    [Test]
    public async Task The_queue_sorts_by_score_or_size_filters_by_detector_size_and_decision_and_shows_each_headline()
    {
        var queue = await JsonAsync("/workspace/api/queue");
        Assert.That(queue.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("headline").GetString()),
            Is.All.EqualTo("All 3 accounts logged in from device d1."), "each cluster's first evidence sentence");
        Assert.That(await IdsAsync(""), Is.EqualTo(new[] { _growing, _steady, _shrinking, _new }), "best score first");
        Assert.That(await IdsAsync("sort=size"), Is.EqualTo(new[] { _growing, _steady, _shrinking, _new }), "largest first, then by score");
        Assert.That(await IdsAsync("detector=shared_infrastructure"), Is.EqualTo(new[] { _steady, _new }));
        Assert.That(await IdsAsync("min_size=4"), Is.EqualTo(new[] { _growing }));
        Assert.That(await IdsAsync("decided=yes"), Is.Empty);

        using var decide = Post("/workspace/api/decisions", new { cluster_id = _shrinking, label = "abusive", reason = "the ring shed members but kept its device" });
        Assert.That((await _client.SendAsync(decide)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.Multiple(async () =>
        {
            Assert.That(await IdsAsync("decided=yes"), Is.EqualTo(new[] { _shrinking }));
            Assert.That(await IdsAsync("decided=no&detector=lockstep"), Is.EqualTo(new[] { _growing, _new }));
            await ProblemAssert.IsAsync(await _client.GetAsync("/workspace/api/queue?trend=older"), HttpStatusCode.BadRequest, "trend");
            await ProblemAssert.IsAsync(await _client.GetAsync("/workspace/api/queue?sort=age"), HttpStatusCode.BadRequest, "sort");
        });
    }

    [Test]
    public async Task The_workspace_answers_with_a_strict_content_security_policy_and_signing_out_ends_the_session()
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _host.Address };
        var key = await _host.KeyAsync("bo", 100_000, Scopes.ClustersRead);
        using var signIn = await client.PostAsJsonAsync("/workspace/api/sign-in", new { key });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single();
        var csrf = (await JsonDocument.ParseAsync(await client.GetStreamAsync("/workspace/api/session"))).RootElement.GetProperty("csrf_token").GetString()!;
        using var page = await client.GetAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(cookie, Does.StartWith("gg_session=").And.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase.And.Contain("max-age=").IgnoreCase);
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'"));
            Assert.That(page.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
            Assert.That(signIn.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"), "the calls carry the policy too");
        });

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/workspace/api/sign-out");
        signOut.Headers.Add("X-CSRF-Token", csrf);
        using var signedOut = await client.SendAsync(signOut);
        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(signedOut.Headers.GetValues("Set-Cookie").Single(), Does.StartWith("gg_session=;"), "the cookie is deleted");
        // The old token, replayed by hand after the browser deleted it, opens nothing: the service forgot the session.
        using var replay = new HttpClient { BaseAddress = _host.Address };
        replay.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        await ProblemAssert.IsAsync(await replay.GetAsync("/workspace/api/queue"), HttpStatusCode.Unauthorized, "not signed in");
    }

    [Test]
    public async Task A_write_from_another_origin_is_refused_and_a_decision_undoes_once()
    {
        using var foreign = Post("/workspace/api/decisions/preview", new { account_id = "a5" });
        foreign.Headers.Add("Origin", "http://evil.example");
        await ProblemAssert.IsAsync(await _client.SendAsync(foreign), HttpStatusCode.Forbidden, "Origin header");

        using var decide = Post("/workspace/api/decisions", new { account_id = "a5", label = "benign", reason = "an ordinary account" });
        using var decided = await _client.SendAsync(decide);
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var batch = (await JsonDocument.ParseAsync(await decided.Content.ReadAsStreamAsync())).RootElement.GetProperty("batch_id").GetInt64();
        using var undo = Post($"/workspace/api/decisions/{batch}/undo", new { });
        using var again = Post($"/workspace/api/decisions/{batch}/undo", new { });
        Assert.That((await _client.SendAsync(undo)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAssert.IsAsync(await _client.SendAsync(again), HttpStatusCode.Conflict, "undone already");
    }

    /// <summary>A workspace write with the session's CSRF token, as the page sends it.</summary>
    private HttpRequestMessage Post(string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-Token", _csrf);
        return request;
    }

    private async Task<List<long>> IdsAsync(string query) =>
        [.. (await JsonAsync("/workspace/api/queue?" + query)).GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("id").GetInt64())];

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.Clone();
    }
}
