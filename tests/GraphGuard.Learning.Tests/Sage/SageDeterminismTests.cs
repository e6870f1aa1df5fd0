using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests.Sage;

/// <summary>
/// Same seed, same bits: parameters and embeddings must not depend on thread scheduling or thread count.
/// The graph is big enough that batches split into several parallel chunks and several GEMM partial sums.
/// </summary>
public sealed class SageDeterminismTests
{
    private static readonly SageGraph Graph = TestGraphs.Graph(3000, TestGraphs.Sparse(3000, 15_000, seed: 1), TestGraphs.Sparse(3000, 9_000, seed: 2));
    private static readonly float[] Features = TestGraphs.Gaussian(3000, 6, seed: 3);
    private static readonly SageSupervision Labels = new([.. Enumerable.Range(0, 1500)], [.. Enumerable.Range(0, 1500).Select(v => v % 7 == 0)]);

    private static readonly SageOptions Options = new()
    {
        HiddenDims = [16, 8],
        FanOuts = [6, 4],
        Epochs = 2,
        BatchSize = 500,
        Dropout = 0.3f,
    };

    [TestCase(true)]
    [TestCase(false)]
    public void The_same_seed_gives_bit_identical_embeddings_on_any_number_of_threads(bool supervised)
    {
        var labels = supervised ? Labels : null;
        var first = GraphSageTrainer.Train(Graph, Features, labels, Options);
        var again = GraphSageTrainer.Train(Graph, Features, labels, Options);
        var oneThread = GraphSageTrainer.Train(Graph, Features, labels, Options with { MaxDegreeOfParallelism = 1 });
        Assert.That(again.Parameters.ToArray(), Is.EqualTo(first.Parameters.ToArray()));
        Assert.That(oneThread.Parameters.ToArray(), Is.EqualTo(first.Parameters.ToArray()));
        var embeddings = first.Embed(Graph, Features);
        Assert.That(again.Embed(Graph, Features), Is.EqualTo(embeddings));
        Assert.That(first.Embed(Graph, Features, new SageInferenceOptions { MaxDegreeOfParallelism = 1, ChunkRows = 1000 }), Is.EqualTo(embeddings));
    }

    [Test]
    public void Another_seed_gives_another_model()
    {
        var first = GraphSageTrainer.Train(Graph, Features, Labels, Options);
        var other = GraphSageTrainer.Train(Graph, Features, Labels, Options with { Seed = 2 });
        Assert.That(other.Parameters.ToArray(), Is.Not.EqualTo(first.Parameters.ToArray()));
    }
}
