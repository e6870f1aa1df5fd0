using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests;

/// <summary>
/// The jobs dashboard that a real <c>graphguard serve</c> mounts at /jobs: refused without a key or with an
/// enforcement key, open with an operations key, read-only with an analyst's; in Debian's Chromium too.
/// </summary>
[NonParallelizable]
public sealed class JobsDashboardTests
{
    private string _connection = null!;
    private string _jobs = null!;
    private ServeProcess _serve = null!;
    private HttpClient _client = null!;
    private string _operations = null!;
    private string _analyst = null!;
    private string _enforcement = null!;

    [OneTimeSetUp]
    public async Task ServeWithAStoredPipeline()
    {
        _connection = await TestDatabase.CreateAsync("cli_dashboard");
        _jobs = Directory.CreateTempSubdirectory("graphguard-dashboard-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_jobs, "nightly.json"), """
            { "cron": "0 0 3 * * ?", "bands": [ { "name": "low", "min": 0 }, { "name": "high", "min": 0.5 } ] }
            """);
        // A worker stores the recurring job, then stops: the dashboard reads the storage, not the worker.
        using (var worker = WorkerProcess.Start(_connection, _jobs))
        {
            await Eventually.HoldsAsync(() => Task.FromResult(worker.Output.Contains(" started with ", StringComparison.Ordinal)), "the worker to start", TimeSpan.FromMinutes(1));
            Assert.That(await worker.StopAsync(), Is.Zero);
        }
        _operations = await KeyAsync("ops", "operations");
        _analyst = await KeyAsync("analyst", "clusters:read");
        _enforcement = await KeyAsync("enforcement", "risk:read");
        _serve = await ServeProcess.StartAsync(_connection);
        // No cookie jar: each request carries only what the test gives it.
        _client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _serve.Client.BaseAddress };
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client?.Dispose();
        _serve?.Dispose();
        Directory.Delete(_jobs, recursive: true);
    }

    [Test]
    public async Task Without_a_key_or_with_an_enforcement_key_the_dashboard_is_refused()
    {
        using var none = await _client.GetAsync("/jobs/recurring");
        Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var wrong = await SendAsync(HttpMethod.Get, "/jobs/recurring", _enforcement);
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("lacks the scope").And.Contain("operations"));
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/jobs/recurring");
        forged.Headers.Add("Cookie", "graphguard_jobs_key=gg_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var bad = await _client.SendAsync(forged);
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a cookie is checked like a header");
    }

    [Test]
    public async Task An_operations_key_may_act_and_an_analyst_key_only_look()
    {
        using var page = await SendAsync(HttpMethod.Get, "/jobs/recurring", _operations);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("nightly"));
        using var looked = await SendAsync(HttpMethod.Get, "/jobs/recurring", _analyst);
        Assert.That(looked.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var refused = await SendAsync(HttpMethod.Post, "/jobs/recurring/trigger", _analyst, new FormUrlEncodedContent([new("jobs[]", "nightly")]));
        Assert.That((int)refused.StatusCode, Is.AnyOf(401, 403), "read-only for analysts");
        await using var db = Npgsql.NpgsqlDataSource.Create(_connection);
        var before = await TestDatabase.CountAsync(db, "select count(*) from hangfire.job");
        using var triggered = await SendAsync(HttpMethod.Post, "/jobs/recurring/trigger", _operations, new FormUrlEncodedContent([new("jobs[]", "nightly")]));
        Assert.That(triggered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await TestDatabase.CountAsync(db, "select count(*) from hangfire.job"), Is.EqualTo(before + 1), "an operator's trigger queues a firing");
    }

    [Test]
    public async Task In_a_browser_an_operations_key_opens_the_dashboard_and_no_key_is_refused()
    {
        var browser = Path.Combine(TestDatabase.RepositoryRoot(), "tests", "browser");
        Assert.That(Path.Combine(browser, "node_modules", "playwright-core"), Does.Exist, "tests/browser/node_modules is missing: run scripts/setup.sh");
        var args = JsonSerializer.Serialize(new
        {
            baseUrl = _serve.Client.BaseAddress!.ToString().TrimEnd('/'),
            operationsKey = _operations,
            analystKey = _analyst,
            screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "jobs-dashboard.png"),
        });
        var start = new ProcessStartInfo("node", ["jobs-dashboard.mjs", args]) { WorkingDirectory = browser, RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);
        Assert.That(node.ExitCode, Is.Zero, await stderr);
        using var found = JsonDocument.Parse(await stdout);
        var root = found.RootElement;
        TestContext.Out.WriteLine(root.ToString());
        Assert.That(root.GetProperty("withoutKey").GetProperty("status").GetInt32(), Is.EqualTo(401));
        Assert.That(root.GetProperty("withoutKey").GetProperty("form").GetInt32(), Is.EqualTo(1), "the refusal offers the sign-in form");
        var operations = root.GetProperty("operations");
        Assert.That(operations.GetProperty("status").GetInt32(), Is.EqualTo(200));
        Assert.That(operations.GetProperty("title").GetString(), Does.Contain("GraphGuard jobs"));
        Assert.That(operations.GetProperty("recurringStatus").GetInt32(), Is.EqualTo(200), "the cookie carries the key to the next page");
        Assert.That(operations.GetProperty("recurringText").GetString(), Does.Contain("nightly"));
        Assert.That(operations.GetProperty("triggerButtons").GetInt32(), Is.GreaterThan(0), "an operator can trigger");
        Assert.That(operations.GetProperty("cookie").GetProperty("httpOnly").GetBoolean());
        Assert.That(operations.GetProperty("cookie").GetProperty("sameSite").GetString(), Is.EqualTo("Strict"));
        Assert.That(operations.GetProperty("scriptSeesCookie").GetBoolean(), Is.False);
        var analyst = root.GetProperty("analyst");
        Assert.That(analyst.GetProperty("status").GetInt32(), Is.EqualTo(200));
        Assert.That(analyst.GetProperty("triggerButtons").GetInt32(), Is.Zero, "read-only for analysts");
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", key);
        return _client.SendAsync(request);
    }

    private async Task<string> KeyAsync(string name, string scope) =>
        (await GraphGuardProcess.SucceedAsync(_connection, "keys", "create", "--name", name, "--scope", scope)).Trim();
}
