using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Tests.Tensors;

/// <summary>The blocked, chunked GEMM against a plain triple loop, in every variant the model uses.</summary>
public sealed class GemmTests
{
    private readonly CpuTensorBackend _backend = new();

    [TestCase(3, 4, 5)]
    [TestCase(1, 1, 1)]
    [TestCase(2500, 7, 3)]
    [TestCase(1100, 40, 1)]
    [TestCase(17, 300, 33)]
    [TestCase(9, 0, 4)]
    [TestCase(50, 20, 12)]
    [TestCase(5, 3, 40)]
    public void Gemm_matches_a_triple_loop_in_every_variant(int m, int k, int n)
    {
        var a = GradientCheck.RandomValues(m * k, 1);
        var b = GradientCheck.RandomValues(k * n, 2);
        var c0 = GradientCheck.RandomValues(m * n, 3);
        var expected = Naive(a, b, m, k, n);
        foreach (var accumulate in new[] { false, true })
        {
            // A·B
            Check(_backend.Matrix(m, k, a), false, _backend.Matrix(k, n, b), false, m, n, c0, accumulate, expected);
            // (Aᵀ)ᵀ·B with Aᵀ stored k × m
            Check(_backend.Matrix(k, m, Transpose(a, m, k)), true, _backend.Matrix(k, n, b), false, m, n, c0, accumulate, expected);
            // A·(Bᵀ)ᵀ with Bᵀ stored n × k
            Check(_backend.Matrix(m, k, a), false, _backend.Matrix(n, k, Transpose(b, k, n)), true, m, n, c0, accumulate, expected);
        }
    }

    [Test]
    public void Gemm_rejects_mismatched_shapes() =>
        Assert.Throws<ArgumentException>(() => _backend.Gemm(_backend.Matrix(2, 3), false, _backend.Matrix(4, 2), false, _backend.Matrix(2, 2), false));

    private void Check(MatrixView a, bool ta, MatrixView b, bool tb, int m, int n, float[] c0, bool accumulate, double[] expected)
    {
        var c = _backend.Matrix(m, n, c0);
        _backend.Gemm(a, ta, b, tb, c, accumulate);
        var actual = c.Data();
        for (var i = 0; i < m * n; i++)
        {
            var want = expected[i] + (accumulate ? c0[i] : 0);
            Assert.That(actual[i], Is.EqualTo(want).Within(1e-4 * (1 + Math.Abs(want))), $"entry {i}, transposeA {ta}, transposeB {tb}, accumulate {accumulate}");
        }
    }

    private static double[] Naive(float[] a, float[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var p = 0; p < k; p++)
                {
                    c[(i * n) + j] += (double)a[(i * k) + p] * b[(p * n) + j];
                }
            }
        }
        return c;
    }

    private static float[] Transpose(float[] x, int rows, int columns)
    {
        var t = new float[x.Length];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                t[(j * rows) + i] = x[(i * columns) + j];
            }
        }
        return t;
    }
}
