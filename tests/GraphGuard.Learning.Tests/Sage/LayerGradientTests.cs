using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Tensors;
using GraphGuard.Learning.Tests.Tensors;

namespace GraphGuard.Learning.Tests.Sage;

/// <summary>Finite-difference checks of the relation-combining layer and of both loss heads.</summary>
public sealed class LayerGradientTests
{
    private readonly CpuTensorBackend _backend = new();

    [Test]
    public void Relation_combining_layer_backward_matches_finite_differences()
    {
        const int Sources = 6, Rows = 4, Width = 3, Out = 2, Relations = 2;
        // Relation 0 reaches beyond the self rows; relation 1 leaves two rows without neighbours.
        SparseBlock[] blocks =
        [
            BackendFixture.MeanBlock(Sources, [1, 4], [0], [5, 2, 3], [4]),
            BackendFixture.MeanBlock(Sources, [], [2, 3], [], [0, 1, 5]),
        ];
        var weightCount = (Relations + 1) * Width * Out;
        var parameters = _backend.Matrix(1, weightCount + Out, GradientCheck.RandomValues(weightCount + Out, 20));
        var layer = Parameters(parameters.Buffer, Relations, Width, Out);
        var source = _backend.Matrix(Sources, Width, GradientCheck.RandomValues(Sources * Width, 21));
        var readOut = _backend.Matrix(Rows, Out, GradientCheck.RandomValues(Rows * Out, 22));
        MatrixView[] means = [_backend.Matrix(Rows, Width), _backend.Matrix(Rows, Width)];
        var output = _backend.Matrix(Rows, Out);
        double Loss()
        {
            SageLayer.Forward(_backend, layer, blocks, source.RowRange(0, Rows), source, means, output);
            return GradientCheck.Project(output.Data(), readOut.Data());
        }
        Loss();
        var gradients = _backend.Matrix(1, weightCount + Out);
        var gradSource = _backend.Matrix(Sources, Width, GradientCheck.RandomValues(Sources * Width, 23));
        SageLayer.Backward(_backend, layer, Parameters(gradients.Buffer, Relations, Width, Out), blocks, source.RowRange(0, Rows), means, readOut, gradSource, _backend.Matrix(Rows, Width));
        GradientCheck.Verify(parameters.Data(), gradients.Data(), Loss);
        GradientCheck.Verify(source.Data(), gradSource.Data(), Loss);
    }

    [Test]
    public void Logistic_loss_gradient_matches_finite_differences()
    {
        var logits = GradientCheck.RandomValues(5, 30, scale: 3f);
        // Row 3 is named twice; row 4 not at all.
        int[] rows = [0, 1, 2, 3, 3];
        bool[] labels = [true, false, true, false, true];
        var gradient = new float[5];
        LogisticLoss.Evaluate(logits, rows, labels, 4f, gradient);
        var scratch = new float[5];
        GradientCheck.Verify(logits, gradient, () => LogisticLoss.Evaluate(logits, rows, labels, 4f, scratch), step: 1e-3f);
    }

    [Test]
    public void Logistic_loss_is_the_weighted_cross_entropy()
    {
        var loss = LogisticLoss.Evaluate([0f, 2f], [0, 1], [true, false], 3f, new float[2]);
        var expected = ((3 * Math.Log(2)) + Math.Log(1 + Math.Exp(2))) / 2;
        Assert.That(loss, Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void Link_prediction_loss_gradient_matches_finite_differences()
    {
        const int Dimension = 4;
        var embeddings = GradientCheck.RandomValues(6 * Dimension, 31);
        // Two pairs, two negatives each: [anchors | positives | negatives]; anchor 0 is also one of its own negatives.
        int[] rows = [0, 1, 2, 3, 0, 4, 5, 1];
        var gradient = new float[embeddings.Length];
        LinkPredictionLoss.Evaluate(embeddings, Dimension, rows, 2, 2, gradient);
        var scratch = new float[embeddings.Length];
        GradientCheck.Verify(embeddings, gradient, () => LinkPredictionLoss.Evaluate(embeddings, Dimension, rows, 2, 2, scratch), step: 1e-3f);
    }

    [Test]
    public void Link_prediction_loss_matches_its_formula()
    {
        // z_u·z_v = 1, z_u·z_n = -2: loss = -log σ(1) - log σ(2).
        float[] z = [1, 0, 1, 0, -2, 0];
        var loss = LinkPredictionLoss.Evaluate(z, 2, [0, 1, 2], 1, 1, new float[6]);
        Assert.That(loss, Is.EqualTo(-Math.Log(1 / (1 + Math.Exp(-1))) - Math.Log(1 / (1 + Math.Exp(-2)))).Within(1e-6));
    }

    private static LayerParameters Parameters(DeviceBuffer buffer, int relations, int width, int output)
    {
        var weights = (relations + 1) * width;
        return new LayerParameters(buffer.Matrix(0, weights, output), buffer.Matrix((long)weights * output, 1, output));
    }
}
