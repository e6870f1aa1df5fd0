using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// The model during training: forward and backward over one <see cref="SampledBatch"/>. Hidden layers apply
/// ReLU then (while training) inverted dropout; the last layer is linear, optionally L2-normalised, and is the
/// embedding. A classifier adds a logistic head, logit = w·embedding + b. Parameters and their gradients
/// live in two flat backend buffers laid out by <see cref="SageParameterLayout"/>; activations in scratch
/// reused across batches.
/// </summary>
internal sealed class SageNetwork : IDisposable
{
    private readonly ITensorBackend _backend;
    private readonly SageArchitecture _architecture;
    private readonly float _dropout;
    private readonly List<ScratchMatrix> _scratch = [];
    private readonly ScratchMatrix[] _activations;
    private readonly ScratchMatrix[] _preActivations;
    private readonly ScratchMatrix[] _masks;
    private readonly ScratchMatrix[][] _means;
    private readonly ScratchMatrix[] _gradActivations;
    private readonly ScratchMatrix _norms;
    private readonly ScratchMatrix _logits;
    private readonly ScratchMatrix _gradLogits;
    private readonly ScratchMatrix _gradPreActivation;
    private readonly ScratchMatrix _gradMean;

    // Views of the last forward pass, read by backward.
    private readonly MatrixView[] _h;
    private readonly MatrixView[] _z;
    private readonly MatrixView[] _mask;
    private readonly MatrixView[][] _mean;
    private MatrixView _normView;
    private bool _dropped;

    public SageNetwork(ITensorBackend backend, SageArchitecture architecture, float dropout)
    {
        _backend = backend;
        _architecture = architecture;
        _dropout = dropout;
        Layout = new SageParameterLayout(architecture);
        Parameters = backend.Allocate(Layout.Count);
        Gradients = backend.Allocate(Layout.Count);
        var layers = architecture.LayerCount;
        _activations = Scratches(layers + 1);
        _preActivations = Scratches(layers + 1);
        _masks = Scratches(layers + 1);
        _gradActivations = Scratches(layers + 1);
        _means = new ScratchMatrix[layers + 1][];
        _mean = new MatrixView[layers + 1][];
        for (var l = 1; l <= layers; l++)
        {
            _means[l] = Scratches(architecture.RelationCount);
            _mean[l] = new MatrixView[architecture.RelationCount];
        }
        (_norms, _logits, _gradLogits, _gradPreActivation, _gradMean) = (Scratch(), Scratch(), Scratch(), Scratch(), Scratch());
        _h = new MatrixView[layers + 1];
        _z = new MatrixView[layers + 1];
        _mask = new MatrixView[layers + 1];
    }

    public SageParameterLayout Layout { get; }

    public DeviceBuffer Parameters { get; }

    public DeviceBuffer Gradients { get; }

    /// <summary>
    /// Runs the layers over <paramref name="batch"/> and returns the target level's embeddings (rows in the
    /// batch's target numbering). Dropout applies only when <paramref name="training"/>, with masks drawn from
    /// <paramref name="seed"/>.
    /// </summary>
    public MatrixView Forward(SampledBatch batch, float[] features, bool training, ulong seed)
    {
        var layers = _architecture.LayerCount;
        _dropped = training && _dropout > 0f;
        _h[0] = _activations[0].Shape(batch.LevelSize(0), _architecture.FeatureCount);
        _backend.GatherRows(features, batch.Nodes(0), _h[0]);
        for (var l = 1; l <= layers; l++)
        {
            var rows = batch.LevelSize(l);
            var width = _architecture.Width(l);
            for (var r = 0; r < _mean[l].Length; r++)
            {
                _mean[l][r] = _means[l][r].Shape(rows, _architecture.Width(l - 1));
            }
            _z[l] = _preActivations[l].Shape(rows, width);
            SageLayer.Forward(_backend, Layout.Layer(l, Parameters), batch.Blocks(l), _h[l - 1].RowRange(0, rows), _h[l - 1], _mean[l], _z[l]);
            _h[l] = l < layers || _architecture.NormalizeEmbeddings ? _activations[l].Shape(rows, width) : _z[l];
            if (l < layers)
            {
                _backend.Relu(_z[l], _h[l]);
                if (_dropped)
                {
                    _mask[l] = _masks[l].Shape(rows, width);
                    _backend.DropoutMask(_mask[l], _dropout, SplitMix.Combine(seed, (ulong)l));
                    _backend.Multiply(_h[l], _mask[l], _h[l]);
                }
            }
            else if (_architecture.NormalizeEmbeddings)
            {
                _normView = _norms.Shape(rows, 1);
                _backend.L2NormalizeRows(_z[l], _h[l], _normView);
            }
        }
        return _h[layers];
    }

    /// <summary>Logits (rows × 1) of the logistic head over embeddings from <see cref="Forward"/>.</summary>
    public MatrixView Classify(MatrixView embeddings)
    {
        var head = Layout.Classifier(Parameters);
        var logits = _logits.Shape(embeddings.Rows, 1);
        _backend.Gemm(embeddings, false, head.Weights, false, logits, accumulate: false);
        _backend.AddRowVector(logits, head.Bias);
        return logits;
    }

    /// <summary>
    /// Adds to <see cref="Gradients"/> the gradient of the loss given dLoss/d(output) of the last forward pass:
    /// the logits' when <paramref name="throughClassifier"/>, else the embeddings'. Gradients are not cleared here.
    /// </summary>
    public void Backward(SampledBatch batch, ReadOnlySpan<float> gradOutput, bool throughClassifier)
    {
        var layers = _architecture.LayerCount;
        var embeddings = _h[layers];
        var grad = _gradActivations[layers].Shape(embeddings.Rows, embeddings.Columns);
        if (throughClassifier)
        {
            var gradLogits = _gradLogits.Shape(embeddings.Rows, 1);
            _backend.Upload(gradOutput, gradLogits);
            var head = Layout.Classifier(Parameters);
            var headGrad = Layout.Classifier(Gradients);
            _backend.Gemm(embeddings, true, gradLogits, false, headGrad.Weights, accumulate: true);
            _backend.SumRows(gradLogits, headGrad.Bias, accumulate: true);
            _backend.Gemm(gradLogits, false, head.Weights, true, grad, accumulate: false);
        }
        else
        {
            _backend.Upload(gradOutput, grad);
        }
        for (var l = layers; l >= 1; l--)
        {
            var gradZ = grad;
            if (l < layers)
            {
                if (_dropped)
                {
                    _backend.Multiply(grad, _mask[l], grad);
                }
                gradZ = _gradPreActivation.Shape(grad.Rows, grad.Columns);
                _backend.ReluBackward(_z[l], grad, gradZ);
            }
            else if (_architecture.NormalizeEmbeddings)
            {
                gradZ = _gradPreActivation.Shape(grad.Rows, grad.Columns);
                _backend.L2NormalizeRowsBackward(_h[l], _normView, grad, gradZ);
            }
            // Input features are not trained: the first layer needs no gradient for its source rows.
            MatrixView? gradSource = l > 1 ? _gradActivations[l - 1].Shape(batch.LevelSize(l - 1), _architecture.Width(l - 1)) : null;
            var gradMean = _gradMean.Shape(gradZ.Rows, _architecture.Width(l - 1));
            SageLayer.Backward(_backend, Layout.Layer(l, Parameters), Layout.Layer(l, Gradients), batch.Blocks(l), _h[l - 1].RowRange(0, gradZ.Rows), _mean[l], gradZ, gradSource, gradMean);
            if (gradSource is { } next)
            {
                grad = next;
            }
        }
    }

    public void Dispose()
    {
        foreach (var scratch in _scratch)
        {
            scratch.Dispose();
        }
        Parameters.Dispose();
        Gradients.Dispose();
    }

    private ScratchMatrix Scratch()
    {
        var scratch = new ScratchMatrix(_backend);
        _scratch.Add(scratch);
        return scratch;
    }

    private ScratchMatrix[] Scratches(int count)
    {
        var scratches = new ScratchMatrix[count];
        for (var i = 0; i < count; i++)
        {
            scratches[i] = Scratch();
        }
        return scratches;
    }
}
