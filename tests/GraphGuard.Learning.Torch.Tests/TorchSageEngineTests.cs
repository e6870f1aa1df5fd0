using GraphGuard.Core.Features;
using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Tests.Sage;
using GraphGuard.Learning.Torch.Sage;

namespace GraphGuard.Learning.Torch.Tests;

/// <summary>The libtorch engine behind the <see cref="SageEngine"/> seam the evaluations and the risk model read.</summary>
public sealed class TorchSageEngineTests
{
    [Test]
    public void Probabilities_through_the_seam_match_the_models_own()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 300, seed: 9);
        var engine = new TorchSageEngine("cpu");
        var model = engine.Train(problem.Graph, problem.Features, problem.Supervision, new SageOptions { HiddenDims = [8, 4], FanOuts = [5, 5], Epochs = 2 });
        var viaTorch = engine.PredictProbabilities(model, problem.Graph, problem.Features);
        var viaOurs = SageEngine.HandWritten.PredictProbabilities(model, problem.Graph, problem.Features);
        Assert.That(engine.Name, Is.EqualTo("libtorch (cpu)"));
        Assert.That(viaTorch, Is.EqualTo(viaOurs).Within(1e-4f));
    }

    [Test]
    public void Dataset_protocol_with_graphsage_rows_only_runs_both_engines_on_the_same_splits()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 400, seed: 10);
        var labels = new bool[problem.Graph.NodeCount];
        foreach (var (nodes, truth) in new[] { (problem.Supervision.TrainNodes, problem.Supervision.TrainLabels), (problem.Supervision.ValidationNodes!, problem.Supervision.ValidationLabels!), (problem.TestNodes, problem.TestLabels) })
        {
            for (var i = 0; i < nodes.Length; i++)
            {
                labels[nodes[i]] = truth[i];
            }
        }
        var width = problem.Features.Length / problem.Graph.NodeCount;
        var features = new FeatureMatrix([.. Enumerable.Range(0, width).Select(i => $"f{i}")], [.. Enumerable.Range(0, problem.Graph.NodeCount)], problem.Features);
        var data = new LabeledGraph(problem.Graph, features, labels);
        var fast = new DatasetEvaluationOptions
        {
            Seeds = 1,
            GraphSageRowsOnly = true,
            Sage = new SageOptions { HiddenDims = [16, 8], FanOuts = [10, 10], Epochs = 25, BatchSize = 64, Patience = 10 },
            UnsupervisedSage = new SageOptions { HiddenDims = [8, 4], FanOuts = [5, 5], Epochs = 1 },
            Xgboost = new DatasetEvaluationOptions().Xgboost with { Rounds = 50, EarlyStoppingRounds = 10 },
        };
        var ours = DatasetEvaluation.Run(data, fast);
        var torch = DatasetEvaluation.Run(data, fast with { Engine = new TorchSageEngine("cpu") });
        string[] rows = [DatasetEvaluation.SageRow, DatasetEvaluation.StackedRow, DatasetEvaluation.BlendRow];
        Assert.That(ours.Select(r => r.Name), Is.EqualTo(rows));
        Assert.That(torch.Select(r => r.Name), Is.EqualTo(rows));
        TestContext.Out.WriteLine(string.Join(", ", ours.Zip(torch, (a, b) => $"{a.Name} AUROC {a.Auroc.Mean:F3} ours, {b.Auroc.Mean:F3} libtorch")));
        Assert.That(torch.Select(r => r.Auroc.Mean), Has.All.GreaterThan(0.8));
    }
}
