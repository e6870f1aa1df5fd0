using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Tensors;
using GraphGuard.Learning.Tests.Tensors;

namespace GraphGuard.Learning.Tests.Sage;

/// <summary>
/// The whole two-layer, two-relation model on a tiny graph, with sampling, dropout and both objectives:
/// backpropagated parameter gradients against finite differences of the loss (batch and masks held fixed).
/// </summary>
public sealed class ModelGradientTests
{
    [TestCase(true, true)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    public void Two_layer_model_gradient_matches_finite_differences(bool supervised, bool normalize)
    {
        const int Nodes = 10;
        var graph = TestGraphs.Graph(
            Nodes,
            TestGraphs.Undirected(Nodes, [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (3, 5), (5, 6), (6, 7), (7, 8), (2, 9), (4, 9)]),
            TestGraphs.Undirected(Nodes, [(0, 5), (1, 6), (1, 7), (1, 8), (2, 3)]));
        var features = GradientCheck.RandomValues(Nodes * 3, 40);
        var architecture = new SageArchitecture(3, ["r0", "r1"], [4, 3], normalize, supervised);
        using var backend = new CpuTensorBackend();
        using var network = new SageNetwork(backend, architecture, dropout: 0.3f);
        var parameters = network.Parameters.Matrix(0, 1, network.Layout.Count).Data();
        network.Layout.Initialize(seed: 5).CopyTo(parameters);
        var sampler = new NeighborSampler(graph, [3, 2], maxDegreeOfParallelism: -1);
        var batch = new SampledBatch(2, 2);
        int[] targets = supervised ? [0, 3, 7] : [0, 5, 1, 6, 2, 9, 3, 0];
        bool[] labels = [true, false, true];
        sampler.Sample(targets, seed: 11, batch);

        double Loss(float[] gradient)
        {
            var embeddings = network.Forward(batch, features, training: true, seed: 11);
            if (supervised)
            {
                var logits = network.Classify(embeddings);
                return LogisticLoss.Evaluate(Host(backend, logits), batch.TargetRows, labels, 2f, gradient.AsSpan(0, logits.Rows));
            }
            return LinkPredictionLoss.Evaluate(Host(backend, embeddings), embeddings.Columns, batch.TargetRows, 2, 2, gradient.AsSpan(0, (int)embeddings.Length));
        }

        var outputGradient = new float[64];
        Loss(outputGradient);
        var rows = batch.LevelSize(2);
        backend.Fill(network.Gradients.Matrix(0, 1, network.Layout.Count), 0f);
        network.Backward(batch, outputGradient.AsSpan(0, supervised ? rows : rows * 3), supervised);
        var gradients = network.Gradients.Matrix(0, 1, network.Layout.Count).Data();
        var scratch = new float[64];
        GradientCheck.Verify(parameters, gradients, () => Loss(scratch), step: 2e-3f, absolute: 2e-3, relative: 3e-2);
    }

    private static float[] Host(CpuTensorBackend backend, MatrixView view)
    {
        var values = new float[view.Length];
        backend.Download(view, values);
        return values;
    }
}
