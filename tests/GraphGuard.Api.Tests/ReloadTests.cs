using System.Net;
using System.Text.Json;
using GraphGuard.Api.Security;
using GraphGuard.Testing;
using Microsoft.Extensions.Logging;

namespace GraphGuard.Api.Tests;

/// <summary>The service reloads the published run on NOTIFY, on a rollback, and by its periodic check when a notification is lost.</summary>
public sealed class ReloadTests
{
    [Test]
    public async Task Readyz_is_503_until_a_run_is_published_then_NOTIFY_loads_it_and_a_rollback_brings_the_old_run_back()
    {
        // The periodic check is five minutes away: only the notification can make the service see these publishes in time.
        await using var host = await ServiceHost.StartAsync("reload_notify", ScoringWorld.CreateAsync);
        using var open = host.Client();
        var notReady = await open.GetAsync("/readyz");
        Assert.That(notReady.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        using var client = host.Client(await host.KeyAsync("reader", 1000, Scopes.RiskRead));
        await ProblemAssert.IsAsync(await client.GetAsync("/v1/accounts/a1/risk"), HttpStatusCode.ServiceUnavailable, "no published run");

        var first = await PublishedRun.ScoredAsync(host.DataSource, "m-1", i => 0.2f);
        await PublishedRun.PublishAsync(host.DataSource, first);
        await host.WaitForRunAsync(first);
        Assert.That(await RiskAsync(client, "a1"), Is.EqualTo((first, "m-1", "low")));

        var second = await PublishedRun.ScoredAsync(host.DataSource, "m-2", i => 0.9f);
        await PublishedRun.PublishAsync(host.DataSource, second);
        await host.WaitForRunAsync(second);
        Assert.That(await RiskAsync(client, "a1"), Is.EqualTo((second, "m-2", "high")));

        await PublishedRun.PublishAsync(host.DataSource, first, kind: "rollback");
        await host.WaitForRunAsync(first);
        Assert.That(await RiskAsync(client, "a1"), Is.EqualTo((first, "m-1", "low")));
    }

    [Test]
    public async Task A_publication_without_a_notification_is_found_by_the_periodic_check()
    {
        await using var host = await ServiceHost.StartAsync("reload_poll", ScoringWorld.CreateAsync, checkInterval: TimeSpan.FromMilliseconds(300));
        var run = await PublishedRun.ScoredAsync(host.DataSource, "m-1", i => 0.6f);
        await PublishedRun.PublishAsync(host.DataSource, run, notify: false);
        await host.WaitForRunAsync(run);
    }

    [Test]
    public async Task Lookups_are_served_from_memory_even_when_the_database_loses_its_tables()
    {
        using var log = new LogLines();
        await using var host = await ServiceHost.StartAsync("reload_memory", ScoringWorld.CreateAsync, checkInterval: TimeSpan.FromMilliseconds(200), logging: l => l.AddProvider(log));
        using var client = host.Client(await host.KeyAsync("reader", 100_000, Scopes.RiskRead));
        var run = await PublishedRun.ScoredAsync(host.DataSource, "m-1", i => 0.95f);
        await PublishedRun.PublishAsync(host.DataSource, run);
        await host.WaitForRunAsync(run);

        // Every check of the latest publication now fails; the service keeps the run it has and answers from memory.
        await ScoringWorld.ExecAsync(host.DataSource, "drop table band_changes, publications, risk_scores, entities cascade");
        await Eventually.HoldsAsync(() => Task.FromResult(log.Lines.Any(l => l.Contains("watching publications failed", StringComparison.Ordinal))),
            "a check of the latest publication to fail");
        Assert.That(await RiskAsync(client, "a3"), Is.EqualTo((run, "m-1", "high")));
        using var batch = new StringContent("{\"ids\":[\"a1\",\"a2\"]}", System.Text.Encoding.UTF8, "application/json");
        Assert.That((await client.PostAsync("/v1/risk:batch", batch)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/readyz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<(long Run, string Model, string Band)> RiskAsync(HttpClient client, string id)
    {
        var risk = JsonDocument.Parse(await client.GetStringAsync($"/v1/accounts/{id}/risk")).RootElement;
        return (risk.GetProperty("run_id").GetInt64(), risk.GetProperty("model_version").GetString()!, risk.GetProperty("band").GetString()!);
    }
}
