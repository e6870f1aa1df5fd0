using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphGuard.Testing;

namespace GraphGuard.Cli.Tests;

/// <summary><c>graphguard eval --dataset</c> on a small benchmark folder written here: users whose reviews form cliques, spam users' reviews shifted.</summary>
public sealed class EvalDatasetCommandTests
{
    private string _dataset = "";

    [OneTimeSetUp]
    public void WriteADataset() => _dataset = WriteDataset(nodes: 300, seed: 7);

    [OneTimeTearDown]
    public void RemoveTheDataset() => Directory.Delete(_dataset, recursive: true);

    [Test]
    public async Task Json_has_every_row_with_mean_and_std_of_the_three_measures()
    {
        var (code, stdout, stderr) = await GraphGuardProcess.RunAsync(null, "eval", "--dataset", _dataset, "--seeds", "1", "--json");
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("nodes").GetInt32(), Is.EqualTo(300));
        Assert.That(root.GetProperty("relations")[0].GetProperty("name").GetString(), Is.EqualTo("rur"));
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("name").GetString()), Does.Contain("xgboost-features").And.Contain("xgbgraph").And.Contain("graphsage").And.Contain("graphsage+xgbgraph").And.Contain("blend"));
        foreach (var row in rows)
        {
            foreach (var metric in new[] { "auroc", "auprc", "recall_at_k" })
            {
                Assert.That(row.GetProperty(metric).GetProperty("mean").GetDouble(), Is.InRange(0.0, 1.0), $"{row} {metric}");
                Assert.That(row.GetProperty(metric).GetProperty("std").GetDouble(), Is.Zero, "one seed has no spread");
            }
            Assert.That(row.GetProperty("per_seed").GetArrayLength(), Is.EqualTo(1));
        }
        var graph = rows.Single(r => r.GetProperty("name").GetString() == "xgbgraph");
        Assert.That(graph.GetProperty("auroc").GetProperty("mean").GetDouble(), Is.GreaterThan(0.8), "the planted signal is learnable");
    }

    [Test]
    public async Task The_table_has_a_row_per_model_and_the_three_measures()
    {
        var (code, stdout, stderr) = await GraphGuardProcess.RunAsync(null, "eval", "--dataset", _dataset, "--seeds", "1");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("AUROC").And.Contain("AUPRC").And.Contain("Rec@K").And.Contain("300 nodes"));
        Assert.That(stdout, Does.Contain("xgboost-features").And.Contain("graphsage+xgbgraph").And.Match(@"0\.\d{4}±0\.0000"));
    }

    [Test]
    public async Task Tuning_scores_a_stage_on_validation_and_names_the_winner()
    {
        var (code, stdout, stderr) = await GraphGuardProcess.RunAsync(null, "eval", "--dataset", _dataset, "--seeds", "1", "--tune", "aggregation", "--json");
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(stdout);
        var scope = json.RootElement.GetProperty("scored_on").GetString();
        var names = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.That(scope, Does.StartWith("validation splits only; chosen: "));
        Assert.That(names, Has.Count.EqualTo(4).And.Contain("mean/max/degree"));
        Assert.That(names, Does.Contain(scope!["validation splits only; chosen: ".Length..]));
    }

    [Test]
    public async Task A_bad_feature_value_fails_with_one_line_naming_file_line_and_field()
    {
        var dir = WriteDataset(nodes: 20, seed: 1);
        try
        {
            var path = Path.Combine(dir, "features.csv");
            var lines = await File.ReadAllLinesAsync(path);
            lines[2] = "1,0.5,abc,0.1,0.2";
            await File.WriteAllLinesAsync(path, lines);
            var (code, _, stderr) = await GraphGuardProcess.RunAsync(null, "eval", "--dataset", dir, "--seeds", "1");
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr.Trim(), Does.StartWith("graphguard: ").And.Contain($"{path}:3:").And.Contain("'f1'").And.Contain("'abc'").And.Not.Contain("\n"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public async Task Eval_without_a_dataset_or_subcommand_says_what_it_needs()
    {
        var (code, _, stderr) = await GraphGuardProcess.RunAsync(null, "eval");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("--dataset"));
    }

    [Test]
    public async Task Eval_help_names_the_dataset_options()
    {
        var (code, stdout, _) = await GraphGuardProcess.RunAsync(null, "eval", "--help");
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("--dataset").And.Contain("--seeds").And.Contain("detect"));
    }

    /// <summary>Users own 1-5 reviews each, joined in a clique; a fifth of users spam, and their reviews score higher on f0.</summary>
    private static string WriteDataset(int nodes, int seed)
    {
        var dir = Directory.CreateTempSubdirectory("graphguard-dataset-").FullName;
        var random = new Random(seed);
        var labels = new bool[nodes];
        var edges = new StringBuilder("src,dst\n");
        for (var first = 0; first < nodes;)
        {
            var last = Math.Min(nodes, first + random.Next(1, 6));
            var spam = random.NextDouble() < 0.2;
            for (var u = first; u < last; u++)
            {
                labels[u] = spam;
                for (var v = u + 1; v < last; v++)
                {
                    edges.Append(CultureInfo.InvariantCulture, $"{u},{v}\n");
                }
            }
            first = last;
        }
        var features = new StringBuilder("node_id,f0,f1,f2,f3\n");
        var labelRows = new StringBuilder("node_id,label\n");
        for (var v = 0; v < nodes; v++)
        {
            var f0 = (labels[v] ? 0.3 : 0.0) + (0.7 * random.NextDouble());
            features.Append(CultureInfo.InvariantCulture, $"{v},{f0:0.####},{random.NextDouble():0.####},{random.NextDouble():0.####},{random.NextDouble():0.####}\n");
            labelRows.Append(CultureInfo.InvariantCulture, $"{v},{(labels[v] ? 1 : 0)}\n");
        }
        File.WriteAllText(Path.Combine(dir, "edges_rur.csv"), edges.ToString());
        File.WriteAllText(Path.Combine(dir, "features.csv"), features.ToString());
        File.WriteAllText(Path.Combine(dir, "labels.csv"), labelRows.ToString());
        return dir;
    }
}
