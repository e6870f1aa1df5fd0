using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Tests;
using GraphGuard.Learning.Tests.Sage;
using GraphGuard.Learning.Torch.Sage;

namespace GraphGuard.Learning.Torch.Tests;

/// <summary>The TorchSharp engine against the hand-written one, on the CPU.</summary>
public sealed class TorchSageTests
{
    private static readonly SageOptions Small = new() { HiddenDims = [16, 8], FanOuts = [10, 10], Epochs = 25, BatchSize = 64, Dropout = 0.1f, Patience = 10 };

    [Test]
    public void Torch_engine_learns_labels_that_depend_on_neighbours_features()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 600, seed: 3);
        var model = TorchSageTrainer.Train(problem.Graph, problem.Features, problem.Supervision, Small, "cpu");
        var auroc = problem.TestAuroc(model.PredictProbabilities(problem.Graph, problem.Features));
        TestContext.Out.WriteLine($"test AUROC {auroc:F3} after {model.History.Count} epochs");
        Assert.That(auroc, Is.GreaterThan(0.9));
    }

    [Test]
    public void Without_dropout_both_engines_take_the_same_steps_from_the_same_weights()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 300, seed: 5);
        var options = Small with { Epochs = 2, Dropout = 0f, Patience = 0 };
        var ours = GraphSageTrainer.Train(problem.Graph, problem.Features, problem.Supervision, options);
        var torch = TorchSageTrainer.Train(problem.Graph, problem.Features, problem.Supervision, options, "cpu");
        // Same samples, batches and Adam; only the order of floating-point sums differs.
        Assert.That(torch.Parameters.ToArray(), Is.EqualTo(ours.Parameters.ToArray()).Within(2e-3f));
        Assert.That(torch.History.Select(e => e.Loss), Is.EqualTo(ours.History.Select(e => e.Loss)).Within(1e-3));
    }

    [Test]
    public void Link_prediction_matches_the_hand_written_engine_without_dropout()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 300, seed: 6);
        var options = new SageOptions { HiddenDims = [16, 8], FanOuts = [5, 5], Epochs = 2, BatchSize = 32, Dropout = 0f };
        var ours = GraphSageTrainer.Train(problem.Graph, problem.Features, null, options);
        var torch = TorchSageTrainer.Train(problem.Graph, problem.Features, null, options, "cpu");
        Assert.That(torch.HasClassifier, Is.False);
        Assert.That(torch.Parameters.ToArray(), Is.EqualTo(ours.Parameters.ToArray()).Within(2e-3f));
    }

    [Test]
    public void Same_seed_gives_the_same_model_on_the_cpu()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 200, seed: 7);
        var options = Small with { Epochs = 2 };
        var first = TorchSageTrainer.Train(problem.Graph, problem.Features, problem.Supervision, options, "cpu");
        var second = TorchSageTrainer.Train(problem.Graph, problem.Features, problem.Supervision, options, "cpu");
        Assert.That(second.Parameters.ToArray(), Is.EqualTo(first.Parameters.ToArray()));
    }

    [Test]
    public void Layerwise_inference_on_libtorch_matches_the_hand_written_embedder()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 300, seed: 8);
        var model = GraphSageTrainer.Train(problem.Graph, problem.Features, null, new SageOptions { HiddenDims = [16, 8], FanOuts = [5, 5], Epochs = 1 });
        var ours = model.Embed(problem.Graph, problem.Features);
        var torch = TorchSageEmbedder.Embed(model, problem.Graph, problem.Features, "cpu", chunkRows: 64);
        Assert.That(torch, Is.EqualTo(ours).Within(1e-4f));
    }
}
