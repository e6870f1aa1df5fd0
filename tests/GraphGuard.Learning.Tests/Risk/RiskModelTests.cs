using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Risk;

namespace GraphGuard.Learning.Tests.Risk;

/// <summary>Training, scoring, calibration and the artifact, with the real XGBoost and GraphSAGE on a small planted world.</summary>
public sealed class RiskModelTests
{
    private const int Accounts = TrainedRiskWorld.Accounts;

    [Test]
    public void Model_ranks_unlabeled_ring_members_above_benign_accounts()
    {
        using var world = TrainedRiskWorld.Create(seed: 1, RiskWorld.FastOptions);
        var margins = world.Model.Margins(world.Features);
        var unlabeled = Enumerable.Range(0, Accounts).Where(a => world.Input.Labels[a] is null).ToArray();
        var auroc = BinaryMetrics.Auroc(unlabeled.Select(a => margins[a]).ToArray(), unlabeled.Select(a => RiskWorld.IsAbusive(a, Accounts)).ToArray());
        Assert.That(auroc, Is.GreaterThan(0.95));
        Assert.That(world.Model.FeatureNames, Does.Contain("abusive_neighbors_infrastructure").And.Contain("sage_3"));
        Assert.That(world.Model.Summary.FeatureFamilies["embedding"], Is.EqualTo(4));
    }

    [Test]
    public void Training_twice_on_the_same_input_gives_the_same_scores()
    {
        using var first = TrainedRiskWorld.Create(seed: 5, RiskWorld.FastOptions);
        using var second = TrainedRiskWorld.Create(seed: 5, RiskWorld.FastOptions);
        Assert.That(second.Model.Margins(second.Features), Is.EqualTo(first.Model.Margins(first.Features)));
    }

    [TestCase(10, "isotonic")]
    [TestCase(int.MaxValue, "platt")]
    public void Calibrated_probabilities_are_monotone_in_the_margin_and_within_0_and_1(int minIsotonicClassCount, string method)
    {
        using var world = TrainedRiskWorld.Create(seed: 2, RiskWorld.FastOptions with { MinIsotonicClassCount = minIsotonicClassCount, Embedding = null });
        Assert.That(world.Model.Summary.Calibration, Is.EqualTo(method));
        var margins = world.Model.Margins(world.Features).Concat([-50f, -5f, 0f, 5f, 50f]).Order().ToArray();
        var probabilities = margins.Select(world.Model.Calibrator.Calibrate).ToArray();
        Assert.That(probabilities, Is.Ordered);
        Assert.That(probabilities, Has.All.InRange(0f, 1f));
        Assert.That(probabilities[^1], Is.GreaterThan(probabilities[0]));
        if (method == "isotonic")
        {
            // No finite sample makes an account certainly abusive or certainly benign.
            Assert.That(probabilities, Has.All.GreaterThan(0f).And.All.LessThan(1f));
        }
    }

    [Test]
    public void Saved_and_loaded_model_scores_every_account_identically_with_the_same_reasons()
    {
        using var world = TrainedRiskWorld.Create(seed: 3, RiskWorld.FastOptions, version: "round-trip");
        var files = RiskArtifact.Write(world.Model);
        Assert.That(files.Keys, Is.SupersetOf(new[] { "model.json", "features.json", "calibrator.json", "training.json", "metrics.json", "MODEL_CARD.md", "embedding.sage" }));
        using var loaded = RiskArtifact.Read(files);

        var before = world.Model.Score(world.Model.Features(world.Input, out _), reasons: 3);
        var after = loaded.Score(loaded.Features(world.Input, out var missing), reasons: 3);

        Assert.That(missing, Is.Empty);
        Assert.That(loaded.FeatureNames, Is.EqualTo(world.Model.FeatureNames));
        Assert.That(after.Select(s => s.Margin), Is.EqualTo(before.Select(s => s.Margin)));
        Assert.That(after.Select(s => s.Probability), Is.EqualTo(before.Select(s => s.Probability)));
        Assert.That(after.Select(Reasons), Is.EqualTo(before.Select(Reasons)));
        Assert.That(loaded.Summary.HeldOut, Is.EqualTo(world.Model.Summary.HeldOut));
        Assert.That(System.Text.Encoding.UTF8.GetString(files["MODEL_CARD.md"]), Does.Contain("## Limitations").And.Contain("round-trip"));
    }

    [Test]
    public void Scoring_a_snapshot_without_a_feature_the_model_knows_treats_it_as_missing()
    {
        using var world = TrainedRiskWorld.Create(seed: 4, RiskWorld.FastOptions with { Embedding = null });
        var input = world.Input;
        var fewer = new Core.Features.FeatureMatrix(["infra_cluster_size"], input.Features.AccountIds, RiskFeatureColumns.Column(input.Features, 0));
        var features = world.Model.Features(input with { Features = fewer }, out var missing);
        Assert.That(missing, Is.EqualTo(new[] { "out_like" }));
        Assert.That(world.Model.Score(features, reasons: 0).Select(s => s.Probability), Has.All.InRange(0f, 1f));
    }

    [Test]
    public void Reasons_asked_for_some_accounts_are_theirs_from_scoring_all_and_a_given_embedding_scores_alike()
    {
        using var world = TrainedRiskWorld.Create(seed: 6, RiskWorld.FastOptions);
        var all = world.Model.Score(world.Model.Features(world.Input, out _), reasons: 3);
        var embedding = new Core.Features.FeatureMatrix([.. world.Model.Embedding!.Names], world.Input.Features.AccountIds, Embedded(world));
        var some = world.Model.Score(world.Model.Features(world.Input, embedding, out _), reasons: 3, explain: p => p >= 0.5f);

        Assert.That(some.Select(s => s.Margin), Is.EqualTo(all.Select(s => s.Margin)), "a given embedding gives the same features");
        Assert.That(some.Select(s => s.Probability), Is.EqualTo(all.Select(s => s.Probability)));
        var risky = all.Where(s => s.Probability >= 0.5f).Select(s => s.Row).ToHashSet();
        Assert.That(risky, Is.Not.Empty.And.Count.LessThan(Accounts));
        Assert.That(some.Where(s => risky.Contains(s.Row)).Select(Reasons), Is.EqualTo(all.Where(s => risky.Contains(s.Row)).Select(Reasons)));
        Assert.That(some.Where(s => !risky.Contains(s.Row)).Select(s => s.Reasons.Count), Has.All.Zero);
        Assert.That(() => world.Model.Features(world.Input, new Core.Features.FeatureMatrix(["sage_0"], world.Input.Features.AccountIds, new float[Accounts]), out _),
            Throws.ArgumentException.With.Message.Contains("the model embeds"));
    }

    private static float[] Embedded(TrainedRiskWorld world)
    {
        var columns = world.Model.Embedding!.Embed(RiskFeatures.WithNeighborLabels(world.Input), world.Input.Relations.Graph);
        var width = columns.Count;
        var values = new float[Accounts * width];
        for (var d = 0; d < width; d++)
        {
            for (var r = 0; r < Accounts; r++)
            {
                values[(r * width) + d] = columns[d].Values[r];
            }
        }
        return values;
    }

    private static string Reasons(RiskScore score) => string.Join("|", score.Reasons.Select(r => r.Text));
}
