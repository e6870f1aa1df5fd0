using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Tests.Sage;

/// <summary>Inference, saving and loading, and the edge cases of training inputs.</summary>
public sealed class SageModelTests
{
    private static readonly SageOptions Small = new() { HiddenDims = [8, 4], FanOuts = [3, 3], Epochs = 3, BatchSize = 16 };

    [Test]
    public void Layerwise_inference_equals_the_sampled_forward_pass_when_fan_outs_cover_every_neighbour()
    {
        var graph = TestGraphs.Graph(50, TestGraphs.Random(50, 0.1, seed: 1), TestGraphs.Random(50, 0.05, seed: 2));
        var features = TestGraphs.Gaussian(50, 5, seed: 3);
        var model = GraphSageTrainer.Train(graph, features, null, Small);
        var embedded = model.Embed(graph, features, new SageInferenceOptions { ChunkRows = 7 });

        var architecture = new SageArchitecture(5, model.RelationNames, model.LayerDims, model.NormalizesEmbeddings, false);
        using var backend = new CpuTensorBackend();
        using var network = new SageNetwork(backend, architecture, dropout: 0.5f);
        backend.Upload(model.Parameters, network.Parameters.Matrix(0, 1, model.Parameters.Length));
        var batch = new SampledBatch(2, 2);
        new NeighborSampler(graph, [50, 50], -1).Sample([.. Enumerable.Range(0, 50)], seed: 1, batch);
        var forward = new float[50 * 4];
        backend.Download(network.Forward(batch, features, training: false, seed: 1), forward);
        Assert.That(embedded, Is.EqualTo(forward).Within(1e-6f));
    }

    [Test]
    public void A_saved_model_loads_and_embeds_the_same()
    {
        var (graph, features) = Tiny();
        var labels = new SageSupervision([0, 1, 2, 3], [true, false, false, true]);
        var model = GraphSageTrainer.Train(graph, features, labels, Small);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = SageModel.Load(stream);
        Assert.That(loaded.Parameters.ToArray(), Is.EqualTo(model.Parameters.ToArray()));
        Assert.That(loaded.RelationNames, Is.EqualTo(model.RelationNames));
        Assert.That(loaded.HasClassifier, Is.True);
        Assert.That(loaded.Embed(graph, features), Is.EqualTo(model.Embed(graph, features)));
        Assert.That(loaded.PredictProbabilities(graph, features), Is.EqualTo(model.PredictProbabilities(graph, features)));
    }

    [Test]
    public void Loading_rejects_a_foreign_or_truncated_stream()
    {
        Assert.Throws<InvalidDataException>(() => SageModel.Load(new MemoryStream("not a model at all"u8.ToArray())));
        var (graph, features) = Tiny();
        using var stream = new MemoryStream();
        GraphSageTrainer.Train(graph, features, null, Small).Save(stream);
        Assert.Throws<InvalidDataException>(() => SageModel.Load(new MemoryStream(stream.ToArray()[..^3])));
    }

    [Test]
    public void Isolated_nodes_an_empty_relation_and_a_batch_larger_than_the_graph_train_to_finite_embeddings()
    {
        // Nodes 5 and 6 have no edges anywhere, relation "empty" has none at all; a zero feature row too.
        var graph = new SageGraph(7, [new("some", TestGraphs.Undirected(7, [(0, 1), (1, 2), (3, 4)])), new("empty", TestGraphs.Undirected(7, []))]);
        var features = TestGraphs.Gaussian(7, 3, seed: 1);
        features.AsSpan(15, 3).Clear();
        var options = Small with { BatchSize = 100 };
        foreach (var labels in new SageSupervision?[] { new([0, 4, 5, 6], [true, false, true, false]), null })
        {
            var model = GraphSageTrainer.Train(graph, features, labels, options);
            Assert.That(model.Embed(graph, features), Is.All.Matches<float>(float.IsFinite));
            Assert.That(model.History, Has.Count.EqualTo(3).And.All.Matches<SageEpoch>(e => e.Batches == 1 && double.IsFinite(e.Loss)));
        }
    }

    [Test]
    public void Unsupervised_training_needs_at_least_one_edge()
    {
        var graph = new SageGraph(3, [new("empty", TestGraphs.Undirected(3, []))]);
        Assert.Throws<ArgumentException>(() => GraphSageTrainer.Train(graph, new float[6], null, Small));
    }

    [Test]
    public void Training_rejects_missing_feature_values_and_embedding_rejects_another_graph()
    {
        var (graph, features) = Tiny();
        features[4] = float.NaN;
        Assert.Throws<ArgumentException>(() => GraphSageTrainer.Train(graph, features, null, Small));
        features[4] = 0;
        var model = GraphSageTrainer.Train(graph, features, null, Small);
        var renamed = new SageGraph(graph.NodeCount, [new("other", graph.Relations[0].Graph)]);
        Assert.Throws<ArgumentException>(() => model.Embed(renamed, features));
        Assert.Throws<ArgumentException>(() => model.Embed(graph, features[..^1]));
    }

    [Test]
    public void Options_are_validated()
    {
        var (graph, features) = Tiny();
        Assert.Throws<ArgumentException>(() => GraphSageTrainer.Train(graph, features, null, Small with { FanOuts = [3] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => GraphSageTrainer.Train(graph, features, null, Small with { Dropout = 1f }));
    }

    private static (SageGraph Graph, float[] Features) Tiny() =>
        (TestGraphs.Graph(8, TestGraphs.Undirected(8, [(0, 1), (1, 2), (2, 3), (3, 0), (4, 5), (5, 6), (6, 7), (7, 4), (0, 4)])), TestGraphs.Gaussian(8, 3, seed: 9));
}
