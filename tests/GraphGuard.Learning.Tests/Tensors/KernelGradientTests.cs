using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Tests.Tensors;

/// <summary>
/// Finite-difference checks of each backend op's backward against its forward, with a random linear read-out
/// L = Σ R ⊙ output so that dL/d(output) = R.
/// </summary>
public sealed class KernelGradientTests
{
    private readonly CpuTensorBackend _backend = new();

    [TestCase(5, 4, 3)]
    [TestCase(6, 3, 1)]
    [TestCase(1, 5, 4)]
    public void Linear_backward_matches_finite_differences(int m, int k, int n)
    {
        var a = _backend.Matrix(m, k, GradientCheck.RandomValues(m * k, 1));
        var b = _backend.Matrix(k, n, GradientCheck.RandomValues(k * n, 2));
        var readOut = _backend.Matrix(m, n, GradientCheck.RandomValues(m * n, 3));
        var c = _backend.Matrix(m, n);
        double Loss()
        {
            _backend.Gemm(a, false, b, false, c, accumulate: false);
            return GradientCheck.Project(c.Data(), readOut.Data());
        }
        var gradA = _backend.Matrix(m, k);
        var gradB = _backend.Matrix(k, n);
        _backend.Gemm(readOut, false, b, true, gradA, accumulate: false);
        _backend.Gemm(a, true, readOut, false, gradB, accumulate: false);
        GradientCheck.Verify(a.Data(), gradA.Data(), Loss);
        GradientCheck.Verify(b.Data(), gradB.Data(), Loss);
    }

    [Test]
    public void Mean_aggregation_backward_matches_finite_differences()
    {
        // Row 1 has no neighbours (a zero mean); source 2 feeds two rows, so its gradient sums two shares.
        var block = BackendFixture.MeanBlock(5, [0, 2, 4], [], [1, 2], [3]);
        var source = _backend.Matrix(5, 3, GradientCheck.RandomValues(15, 4));
        var readOut = _backend.Matrix(4, 3, GradientCheck.RandomValues(12, 5));
        var means = _backend.Matrix(4, 3);
        double Loss()
        {
            _backend.Aggregate(block, source, means);
            return GradientCheck.Project(means.Data(), readOut.Data());
        }
        var grad = _backend.Matrix(5, 3);
        _backend.AggregateTransposed(block, readOut, grad, accumulate: false);
        GradientCheck.Verify(source.Data(), grad.Data(), Loss);
    }

    [Test]
    public void Mean_aggregation_averages_neighbour_rows_and_gives_zero_without_neighbours()
    {
        var block = BackendFixture.MeanBlock(3, [0, 2], []);
        var source = _backend.Matrix(3, 2, [1, 2, 10, 20, 3, 4]);
        var means = _backend.Matrix(2, 2, [9, 9, 9, 9]);
        _backend.Aggregate(block, source, means);
        Assert.That(means.Data(), Is.EqualTo(new[] { 2f, 3f, 0f, 0f }));
    }

    [Test]
    public void Relu_backward_matches_finite_differences()
    {
        // Keep inputs away from the kink, where a finite difference straddles it.
        var values = GradientCheck.RandomValues(24, 6).Select(x => x + (0.1f * MathF.Sign(x))).ToArray();
        var input = _backend.Matrix(4, 6, values);
        var readOut = _backend.Matrix(4, 6, GradientCheck.RandomValues(24, 7));
        var output = _backend.Matrix(4, 6);
        double Loss()
        {
            _backend.Relu(input, output);
            return GradientCheck.Project(output.Data(), readOut.Data());
        }
        var grad = _backend.Matrix(4, 6);
        _backend.ReluBackward(input, readOut, grad);
        GradientCheck.Verify(input.Data(), grad.Data(), Loss);
    }

    [Test]
    public void L2_normalize_backward_matches_finite_differences()
    {
        var input = _backend.Matrix(4, 5, GradientCheck.RandomValues(20, 8));
        var readOut = _backend.Matrix(4, 5, GradientCheck.RandomValues(20, 9));
        var output = _backend.Matrix(4, 5);
        var norms = _backend.Matrix(4, 1);
        double Loss()
        {
            _backend.L2NormalizeRows(input, output, norms);
            return GradientCheck.Project(output.Data(), readOut.Data());
        }
        Loss();
        var grad = _backend.Matrix(4, 5);
        _backend.L2NormalizeRowsBackward(output, norms, readOut, grad);
        GradientCheck.Verify(input.Data(), grad.Data(), Loss, step: 1e-3f);
    }

    [Test]
    public void L2_normalize_leaves_a_zero_row_zero()
    {
        var input = _backend.Matrix(2, 3, [0, 0, 0, 3, 0, 4]);
        var output = _backend.Matrix(2, 3);
        var norms = _backend.Matrix(2, 1);
        _backend.L2NormalizeRows(input, output, norms);
        Assert.That(output.Data(), Is.EqualTo(new[] { 0f, 0f, 0f, 0.6f, 0f, 0.8f }).Within(1e-6));
        var grad = _backend.Matrix(2, 3);
        _backend.L2NormalizeRowsBackward(output, norms, _backend.Matrix(2, 3, [1, 1, 1, 1, 1, 1]), grad);
        Assert.That(grad.Data().All(float.IsFinite), Is.True);
    }

    [Test]
    public void Dropout_with_a_fixed_mask_backward_matches_finite_differences()
    {
        var input = _backend.Matrix(5, 4, GradientCheck.RandomValues(20, 10));
        var readOut = _backend.Matrix(5, 4, GradientCheck.RandomValues(20, 11));
        var mask = _backend.Matrix(5, 4);
        _backend.DropoutMask(mask, 0.4f, seed: 42);
        var output = _backend.Matrix(5, 4);
        double Loss()
        {
            _backend.Multiply(input, mask, output);
            return GradientCheck.Project(output.Data(), readOut.Data());
        }
        var grad = _backend.Matrix(5, 4);
        _backend.Multiply(readOut, mask, grad);
        GradientCheck.Verify(input.Data(), grad.Data(), Loss);
    }

    [Test]
    public void Dropout_mask_drops_the_rate_and_scales_the_rest_reproducibly()
    {
        var mask = _backend.Matrix(100, 100);
        _backend.DropoutMask(mask, 0.3f, seed: 7);
        var values = mask.Data().ToArray();
        Assert.That(values.Count(v => v == 0f) / 10_000.0, Is.EqualTo(0.3).Within(0.02));
        Assert.That(values.Where(v => v != 0f), Is.All.EqualTo(1f / 0.7f));
        _backend.DropoutMask(mask, 0.3f, seed: 7);
        Assert.That(mask.Data(), Is.EqualTo(values));
        _backend.DropoutMask(mask, 0.3f, seed: 8);
        Assert.That(mask.Data(), Is.Not.EqualTo(values));
    }

    [Test]
    public void Bias_add_backward_is_the_column_sum()
    {
        var input = _backend.Matrix(3, 2, GradientCheck.RandomValues(6, 12));
        var bias = _backend.Matrix(1, 2, [0.5f, -1f]);
        var readOut = _backend.Matrix(3, 2, GradientCheck.RandomValues(6, 13));
        var output = _backend.Matrix(3, 2);
        double Loss()
        {
            _backend.Upload(input.Data(), output);
            _backend.AddRowVector(output, bias);
            return GradientCheck.Project(output.Data(), readOut.Data());
        }
        var grad = _backend.Matrix(1, 2);
        _backend.SumRows(readOut, grad, accumulate: false);
        GradientCheck.Verify(bias.Data(), grad.Data(), Loss);
    }
}
