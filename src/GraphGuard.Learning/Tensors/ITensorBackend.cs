namespace GraphGuard.Learning.Tensors;

/// <summary>
/// The math GraphSAGE needs, kept behind one seam so a GPU backend (cuBLAS GEMM, cuSPARSE SpMM) can replace
/// the CPU one without touching the model: dense matrix multiply, sparse aggregation over neighbour lists
/// and its transpose, and the element-wise ops of the layers and the optimizer. All matrices are
/// row-major <see cref="MatrixView"/>s into buffers this backend allocated. Every op must be deterministic:
/// the same inputs give bit-identical outputs whatever the thread count.
/// </summary>
internal interface ITensorBackend : IDisposable
{
    /// <summary>A zero-filled buffer of <paramref name="length"/> floats.</summary>
    DeviceBuffer Allocate(long length);

    /// <summary>Copies host floats into a view (same length).</summary>
    void Upload(ReadOnlySpan<float> source, MatrixView destination);

    /// <summary>Copies a view to host floats (same length).</summary>
    void Download(MatrixView source, Span<float> destination);

    /// <summary>Row i of <paramref name="destination"/> = row <c>rows[i]</c> of the host matrix <paramref name="source"/>.</summary>
    void GatherRows(float[] source, ReadOnlyMemory<int> rows, MatrixView destination);

    void Fill(MatrixView destination, float value);

    /// <summary>
    /// C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/>; op transposes when asked.
    /// Both transposed at once is not needed by the model and may be unsupported.
    /// </summary>
    void Gemm(MatrixView a, bool transposeA, MatrixView b, bool transposeB, MatrixView c, bool accumulate);

    /// <summary>Sparse × dense: <paramref name="destination"/> = A·<paramref name="source"/> (SpMM); a row of A with no entries gives zeros.</summary>
    void Aggregate(SparseBlock a, MatrixView source, MatrixView destination);

    /// <summary>Aᵀ·<paramref name="source"/> into <paramref name="destination"/> (or added to it): the backward pass of <see cref="Aggregate"/>.</summary>
    void AggregateTransposed(SparseBlock a, MatrixView source, MatrixView destination, bool accumulate);

    /// <summary>Adds the 1 × columns <paramref name="row"/> to every row of <paramref name="matrix"/> (bias add).</summary>
    void AddRowVector(MatrixView matrix, MatrixView row);

    /// <summary>Column sums of <paramref name="matrix"/> into the 1 × columns <paramref name="sums"/> (bias gradient).</summary>
    void SumRows(MatrixView matrix, MatrixView sums, bool accumulate);

    /// <summary>output = max(input, 0); may be in place.</summary>
    void Relu(MatrixView input, MatrixView output);

    /// <summary>gradInput = gradOutput where input &gt; 0, else 0.</summary>
    void ReluBackward(MatrixView input, MatrixView gradOutput, MatrixView gradInput);

    /// <summary>
    /// Inverted-dropout mask: each entry 0 with probability <paramref name="rate"/>, else 1/(1-rate). Entry i
    /// depends only on (<paramref name="seed"/>, i), so the mask is reproducible and parallel-safe.
    /// </summary>
    void DropoutMask(MatrixView mask, float rate, ulong seed);

    /// <summary>Element-wise product; may be in place.</summary>
    void Multiply(MatrixView x, MatrixView y, MatrixView destination);

    /// <summary>Each row divided by its L2 norm (floored at a small epsilon); the divisors go to the rows × 1 <paramref name="norms"/>.</summary>
    void L2NormalizeRows(MatrixView input, MatrixView output, MatrixView norms);

    /// <summary>Backward of <see cref="L2NormalizeRows"/> given its output and divisors: gx = (gy - y·(y·gy)) / norm.</summary>
    void L2NormalizeRowsBackward(MatrixView output, MatrixView norms, MatrixView gradOutput, MatrixView gradInput);

    /// <summary>Adam with coupled L2 weight decay, updating parameters and both moments in place.</summary>
    void AdamUpdate(MatrixView parameters, MatrixView gradients, MatrixView firstMoment, MatrixView secondMoment, AdamStep step);
}
