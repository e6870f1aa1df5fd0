using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests.Sage;

/// <summary>Training on small planted problems that only a graph model can solve.</summary>
public sealed class SageTrainingTests
{
    [Test]
    public void Supervised_model_learns_labels_that_depend_on_neighbours_features_where_features_alone_cannot()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 600, seed: 3);
        var options = new SageOptions
        {
            HiddenDims = [16, 8],
            FanOuts = [10, 10],
            Epochs = 25,
            BatchSize = 64,
            LearningRate = 0.01f,
            Dropout = 0.1f,
            Patience = 10,
        };
        var model = GraphSageTrainer.Train(problem.Graph, problem.Features, problem.Supervision, options);
        var withGraph = problem.TestAuroc(model.PredictProbabilities(problem.Graph, problem.Features));

        var featuresOnly = new SageGraph(problem.Graph.NodeCount, []);
        var baseline = GraphSageTrainer.Train(featuresOnly, problem.Features, problem.Supervision, options);
        var withoutGraph = problem.TestAuroc(baseline.PredictProbabilities(featuresOnly, problem.Features));

        TestContext.Out.WriteLine($"test AUROC: graph {withGraph:F3}, features only {withoutGraph:F3}; epochs {model.History.Count}");
        Assert.That(withGraph, Is.GreaterThan(0.9));
        Assert.That(withoutGraph, Is.LessThan(0.7));
        Assert.That(model.History[^1].ValidationAuroc, Is.Not.Null);
    }

    [Test]
    public void Validation_with_one_class_has_no_auroc_and_the_loss_picks_the_epoch()
    {
        var problem = NeighbourLabelProblem.Create(nodes: 200, seed: 4);
        var validation = problem.Supervision.ValidationNodes!.Where((_, i) => !problem.Supervision.ValidationLabels![i]).ToArray();
        var supervision = problem.Supervision with { ValidationNodes = validation, ValidationLabels = new bool[validation.Length] };
        var options = new SageOptions { HiddenDims = [8, 4], FanOuts = [5, 5], Epochs = 3, BatchSize = 64 };
        var model = GraphSageTrainer.Train(problem.Graph, problem.Features, supervision, options);
        Assert.That(model.History.Select(e => e.ValidationAuroc), Has.All.NaN);
        Assert.That(model.History.Select(e => e.ValidationLoss), Has.All.Not.Null);
    }

    [Test]
    public void Unsupervised_embeddings_put_a_planted_community_closer_together_than_to_other_communities()
    {
        const int Communities = 4, Size = 40, Nodes = Communities * Size;
        var random = new Random(5);
        var edges = new List<(int, int)>();
        for (var u = 0; u < Nodes; u++)
        {
            for (var v = u + 1; v < Nodes; v++)
            {
                if (random.NextDouble() < (u / Size == v / Size ? 0.25 : 0.01))
                {
                    edges.Add((u, v));
                }
            }
        }
        var graph = TestGraphs.Graph(Nodes, TestGraphs.Undirected(Nodes, edges));
        var features = TestGraphs.Gaussian(Nodes, 8, seed: 6);
        var options = new SageOptions { HiddenDims = [16, 16], FanOuts = [8, 8], Epochs = 30, BatchSize = 32, Dropout = 0f };
        var embeddings = GraphSageTrainer.Train(graph, features, null, options).Embed(graph, features);

        double within = 0, across = 0;
        long withinPairs = 0, acrossPairs = 0;
        for (var u = 0; u < Nodes; u++)
        {
            for (var v = u + 1; v < Nodes; v++)
            {
                var cosine = System.Numerics.Tensors.TensorPrimitives.Dot(embeddings.AsSpan(u * 16, 16), embeddings.AsSpan(v * 16, 16));
                if (u / Size == v / Size)
                {
                    (within, withinPairs) = (within + cosine, withinPairs + 1);
                }
                else
                {
                    (across, acrossPairs) = (across + cosine, acrossPairs + 1);
                }
            }
        }
        (within, across) = (within / withinPairs, across / acrossPairs);
        TestContext.Out.WriteLine($"mean cosine: within {within:F3}, across {across:F3}");
        Assert.That(within - across, Is.GreaterThan(0.3));
    }
}
