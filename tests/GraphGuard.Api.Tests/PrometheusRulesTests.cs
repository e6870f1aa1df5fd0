using System.Diagnostics;
using System.Text.RegularExpressions;
using GraphGuard.Testing;

namespace GraphGuard.Api.Tests;

/// <summary>The example alert rules (ops/graphguard-alerts.yml): promtool accepts them and every metric they watch is one /metrics exposes.</summary>
public sealed partial class PrometheusRulesTests
{
    private static string RulesFile => Path.Combine(TestDatabase.RepositoryRoot(), "ops", "graphguard-alerts.yml");

    [Test]
    public async Task Promtool_accepts_the_example_alert_rules()
    {
        // promtool comes from Debian's prometheus package, which scripts/setup.sh installs.
        using var promtool = Process.Start(new ProcessStartInfo("promtool", ["check", "rules", RulesFile]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        Assert.That(promtool.ExitCode, Is.Zero, output);
        Assert.That(output, Does.Match(@"SUCCESS: [1-9][0-9]* rules found"));
    }

    [Test]
    public async Task Every_metric_the_rules_watch_is_exposed()
    {
        long run = 0;
        await using var host = await ServiceHost.StartAsync("rules", async db =>
        {
            await ScoringWorld.CreateAsync(db);
            run = await PublishedRun.ScoredAsync(db, "m-1", i => 0.3f);
            await PublishedRun.PublishAsync(db, run);
        });
        await host.WaitForRunAsync(run);
        using var client = host.Client();
        var exposed = MetricName().Matches(await client.GetStringAsync("/metrics")).Select(m => m.Value).ToHashSet();
        var watched = MetricName().Matches(await File.ReadAllTextAsync(RulesFile)).Select(m => m.Value).Distinct().ToList();
        Assert.That(watched, Is.Not.Empty);
        Assert.That(watched.Where(m => !exposed.Contains(m)), Is.Empty, "a rule watches a metric the service does not expose");
    }

    [GeneratedRegex("graphguard_[a-z_]+")]
    private static partial Regex MetricName();
}
