using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphGuard.Api.Security;
using GraphGuard.Testing;

namespace GraphGuard.Api.Tests;

/// <summary>The OpenAPI document, Prometheus metrics, and problem+json for whatever the framework refuses.</summary>
public sealed partial class OperationsTests
{
    private ServiceHost _host = null!;
    private long _runId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await ServiceHost.StartAsync("operations", async db =>
        {
            await ScoringWorld.CreateAsync(db);
            _runId = await PublishedRun.ScoredAsync(db, "m-1", i => 0.3f);
            await PublishedRun.PublishAsync(db, _runId);
        });
        await _host.WaitForRunAsync(_runId);
    }

    [OneTimeTearDown]
    public Task StopAsync() => _host.DisposeAsync().AsTask();

    [Test]
    public async Task OpenAPI_document_lists_every_route()
    {
        using var client = _host.Client();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/v1/accounts/{id}/risk", "/v1/risk:batch", "/v1/risk/changes", "/v1/clusters", "/v1/clusters/{id}",
            "/v1/accounts/{id}/neighborhood", "/v1/labels", "/healthz", "/readyz", "/metrics",
        }));
        var risk = document.GetProperty("paths").GetProperty("/v1/accounts/{id}/risk").GetProperty("get");
        Assert.That(risk.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "401", "403", "404", "429" }));
    }

    [Test]
    public async Task Metrics_parse_as_Prometheus_text_and_count_requests_by_route_and_status()
    {
        using var client = _host.Client(await _host.KeyAsync("metrics", 1000, Scopes.RiskRead));
        await client.GetAsync("/v1/accounts/a1/risk");
        await client.GetAsync("/v1/accounts/nobody/risk");
        using var anonymous = _host.Client();
        await anonymous.GetAsync("/v1/accounts/a1/risk");
        await ScoringWorld.ExecAsync(_host.DataSource, "insert into pipeline_runs (pipeline, trigger, status, error) values ('hourly', 'schedule', 'failed', 'boom')");

        var response = await anonymous.GetAsync("/metrics");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        var text = await response.Content.ReadAsStringAsync();
        var samples = new Dictionary<string, double>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                Assert.That(line, Does.Match(@"^# (HELP|TYPE) [a-z_]+ .+$"));
                continue;
            }
            var match = Sample().Match(line);
            Assert.That(match.Success, Is.True, $"not a Prometheus sample: {line}");
            samples[match.Groups[1].Value] = double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.That(samples["graphguard_http_requests_total{route=\"GET /v1/accounts/{id}/risk\",status=\"200\"}"], Is.GreaterThanOrEqualTo(1));
        Assert.That(samples["graphguard_http_requests_total{route=\"GET /v1/accounts/{id}/risk\",status=\"404\"}"], Is.GreaterThanOrEqualTo(1));
        Assert.That(samples["graphguard_http_request_duration_seconds_bucket{route=\"GET /v1/accounts/{id}/risk\",le=\"+Inf\"}"], Is.GreaterThanOrEqualTo(3));
        Assert.That(samples["graphguard_auth_rejections_total{reason=\"missing_key\"}"], Is.GreaterThanOrEqualTo(1));
        Assert.That(samples["graphguard_published_run_id"], Is.EqualTo(_runId));
        Assert.That(samples["graphguard_published_run_age_seconds"], Is.InRange(0, 600));
        Assert.That(samples.Keys, Has.Some.Contains("graphguard_pipeline_last_run_info{pipeline=\"daily\""));
    }

    [Test]
    public async Task Unknown_routes_and_framework_errors_are_problem_json()
    {
        using var client = _host.Client();
        await ProblemAssert.IsAsync(await client.GetAsync("/v2/nothing"), HttpStatusCode.NotFound);
    }

    [GeneratedRegex(""""^([a-z_]+(?:\{(?:[a-z_]+="(?:[^"\\]|\\.)*",?)*\})?) (-?[0-9.eE+-]+|\+Inf|NaN)$"""")]
    private static partial Regex Sample();
}
