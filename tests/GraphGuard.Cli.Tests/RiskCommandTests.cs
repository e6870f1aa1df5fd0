using System.Text.Json;
using GraphGuard.Storage.Database;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Cli.Tests;

/// <summary>The risk model through the real <c>graphguard</c>: train and save an artifact, score with it, evaluate on a generated world.</summary>
public sealed class RiskCommandTests
{
    private WorldDatabase _generated = null!;

    private string World => _generated.Folder;

    private string Connection => _generated.Connection;

    [OneTimeSetUp]
    public async Task GenerateAndIngestAWorld() => _generated = await WorldDatabase.CreateAsync("risk", accounts: 4000, seed: 12);

    [OneTimeTearDown]
    public void RemoveTheWorld() => _generated.Dispose();

    [Test]
    public async Task Train_writes_an_artifact_that_score_reads_back()
    {
        var model = Path.Combine(World, "models", "risk-test");
        using var train = JsonDocument.Parse(await Succeed("train", "--out", model, "--json"));
        Assert.That(train.RootElement.GetProperty("version").GetString(), Is.EqualTo("risk-test"));
        Assert.That(train.RootElement.GetProperty("accounts").GetInt32(), Is.EqualTo(4000));
        Assert.That(train.RootElement.GetProperty("held_out").GetProperty("auroc").GetDouble(), Is.GreaterThan(0.9));
        foreach (var file in new[] { "model.json", "features.json", "calibrator.json", "training.json", "metrics.json", "MODEL_CARD.md", "embedding.sage", "embedding_scaler.json" })
        {
            Assert.That(File.Exists(Path.Combine(model, file)), file);
        }
        Assert.That(await File.ReadAllTextAsync(Path.Combine(model, "MODEL_CARD.md")), Does.Contain("## Intended use").And.Contain("## Limitations"));

        var csv = Path.Combine(World, "scores.csv");
        using var score = JsonDocument.Parse(await Succeed("score", "--model", model, "--top", "5", "--out", csv, "--json"));
        var top = score.RootElement.GetProperty("top").EnumerateArray().ToList();
        Assert.That(top, Has.Count.EqualTo(5));
        var probabilities = top.Select(t => t.GetProperty("probability").GetDouble()).ToList();
        Assert.That(probabilities, Has.All.InRange(0.0, 1.0));
        Assert.That(probabilities, Is.Ordered.Descending);
        Assert.That(top[0].GetProperty("reasons").GetArrayLength(), Is.GreaterThan(0));
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.That(lines[0], Is.EqualTo("account_id,probability,margin,reasons"));
        Assert.That(lines, Has.Length.EqualTo(4001));
    }

    [Test]
    public async Task Eval_world_scores_the_unlabeled_accounts_against_truth()
    {
        using var eval = JsonDocument.Parse(await Succeed("eval", "--world", World, "--json"));
        var root = eval.RootElement;
        try
        {
            Assert.That(root.GetProperty("accounts").GetInt32(), Is.EqualTo(4000));
            var unlabeled = root.GetProperty("unlabeled").GetInt32();
            Assert.That(unlabeled, Is.InRange(3500, 3999));
            Assert.That(root.GetProperty("unlabeled_abusive").GetInt32(), Is.GreaterThan(0).And.LessThan(unlabeled));
            Assert.That(root.GetProperty("auroc").GetDouble(), Is.GreaterThan(0.8));
            Assert.That(root.GetProperty("auprc").GetDouble(), Is.InRange(0.0, 1.0));
            Assert.That(root.GetProperty("recall_at_k").GetDouble(), Is.InRange(0.0, 1.0));
            var patterns = root.GetProperty("patterns").EnumerateArray().Select(p => p.GetProperty("pattern").GetString()).ToList();
            Assert.That(patterns, Is.EquivalentTo(new[] { "bot_farm", "comment_brigade", "engagement_farm", "sleeper", "spam_ring" }));
        }
        finally
        {
            // eval --world ingests into a database of its own, named after the folder: drop it.
            var database = root.GetProperty("database").GetString()!;
            await DatabaseConnector.DropDatabaseAsync(new NpgsqlConnectionStringBuilder(Connection) { Database = database }.ConnectionString);
        }
    }

    [Test]
    public async Task Eval_without_world_or_subcommand_fails_with_one_line()
    {
        var (code, _, stderr) = await GraphGuardProcess.RunAsync(Connection, "eval");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.Trim(), Does.StartWith("graphguard: ").And.Contain("--world").And.Not.Contain("\n"));
    }

    private Task<string> Succeed(params string[] args) => _generated.Succeed(args);
}
