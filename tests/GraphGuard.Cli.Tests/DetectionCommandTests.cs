using System.Text.Json;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests;

/// <summary>The analyst's path through the real <c>graphguard</c>: generate, ingest, detect, read clusters, export, evaluate.</summary>
public sealed class DetectionCommandTests
{
    private WorldDatabase _generated = null!;

    private string World => _generated.Folder;

    private string Connection => _generated.Connection;

    [OneTimeSetUp]
    public async Task GenerateAndIngestAWorld() => _generated = await WorldDatabase.CreateAsync("detect", accounts: 4000, seed: 11);

    [OneTimeTearDown]
    public void RemoveTheWorld() => _generated.Dispose();

    [Test]
    public async Task Detect_stores_clusters_that_list_show_and_export_agree_on()
    {
        using var detect = JsonDocument.Parse(await Succeed("detect", "--json"));
        var run = detect.RootElement.GetProperty("detection_run_id").GetInt32();
        Assert.That(detect.RootElement.GetProperty("clusters").GetInt32(), Is.GreaterThan(0));

        using var list = JsonDocument.Parse(await Succeed("clusters", "list", "--detection-run", run.ToString(), "--limit", "1000", "--json"));
        var clusters = list.RootElement.GetProperty("clusters").EnumerateArray().ToList();
        var scores = clusters.Select(c => c.GetProperty("score").GetDouble()).ToList();
        Assert.That(scores, Is.Ordered.Descending);

        var first = clusters[0].GetProperty("cluster_id").GetInt64();
        var show = await Succeed("clusters", "show", first.ToString());
        Assert.That(show, Does.Contain($"cluster {first}").And.Contain("accounts"));

        var csv = Path.Combine(World, "clusters.csv");
        await Succeed("clusters", "export", "--detection-run", run.ToString(), "--out", csv);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.That(lines[0], Is.EqualTo("cluster_id,account_id,role,cluster_score,detectors"));
        Assert.That(lines.Length - 1, Is.EqualTo(clusters.Sum(c => c.GetProperty("size").GetInt32())));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')), Has.All.Length.EqualTo(5));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[2]), Has.All.AnyOf("core", "periphery"));
    }

    [Test]
    public async Task Eval_detect_scores_every_planted_pattern()
    {
        using var eval = JsonDocument.Parse(await Succeed("eval", "detect", "--world", World, "--json"));
        var patterns = eval.RootElement.GetProperty("card").GetProperty("patterns").EnumerateArray().Select(p => p.GetProperty("pattern").GetString()).ToList();
        Assert.That(patterns, Is.EquivalentTo(new[] { "bot_farm", "comment_brigade", "engagement_farm", "sleeper", "spam_ring" }));
        Assert.That(eval.RootElement.GetProperty("card").GetProperty("flagged_accounts").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Leaving_families_out_reports_each_half_on_thresholds_fitted_on_the_other()
    {
        var folder = Path.Combine(World, "leave-out");
        using var eval = JsonDocument.Parse(await Succeed("eval", "detect", "--leave-families-out", "--out", folder, "--accounts", "3000", "--difficulty", "Default", "--json"));

        var halves = eval.RootElement.GetProperty("halves").EnumerateArray().ToDictionary(
            h => h.GetProperty("half").GetString()!, h => h.GetProperty("families").EnumerateArray().Select(f => f.GetString()!).ToList());
        var directions = eval.RootElement.GetProperty("directions").EnumerateArray().ToList();
        Assert.That(halves.Keys, Is.EquivalentTo(new[] { "A", "B" }));
        Assert.That(halves["A"].Intersect(halves["B"]), Is.Empty);
        Assert.That(directions.Select(d => (d.GetProperty("fitted_on").GetString(), d.GetProperty("reported_on").GetString())),
            Is.EquivalentTo(new[] { ("A", "B"), ("B", "A") }));
        foreach (var direction in directions)
        {
            var reported = direction.GetProperty("held_out").GetProperty("patterns").EnumerateArray().Select(p => p.GetProperty("pattern").GetString()!).ToList();
            Assert.That(reported, Is.Not.Empty.And.SubsetOf(halves[direction.GetProperty("reported_on").GetString()!]));
        }
    }

    [Test]
    public async Task Showing_a_cluster_that_does_not_exist_fails_with_one_line()
    {
        var (code, _, stderr) = await GraphGuardProcess.RunAsync(Connection, "clusters", "show", "999999999");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Is.EqualTo("graphguard: no cluster 999999999"));
    }

    private Task<string> Succeed(params string[] args) => _generated.Succeed(args);
}
