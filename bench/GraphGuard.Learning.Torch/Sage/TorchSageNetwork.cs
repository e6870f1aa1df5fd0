using GraphGuard.Learning.Sage;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GraphGuard.Learning.Torch.Sage;

/// <summary>
/// The relation-aware GraphSAGE layers of <see cref="SageLayer"/> written with libtorch operations, so autograd
/// does the backward pass and the same code runs on a CUDA device:
/// <code>
///   z_v = W_self·h_v + Σ_r W_r·mean_{u ∈ S_r(v)} h_u + b
/// </code>
/// ReLU then inverted dropout on hidden layers, optional L2 normalisation on the last, and for a classifier a
/// logistic head. One parameter tensor per segment of <see cref="SageParameterLayout"/>, so parameters move to
/// and from the flat vector a <see cref="SageModel"/> holds without reshuffling.
/// </summary>
internal sealed class TorchSageNetwork : IDisposable
{
    private readonly SageArchitecture _architecture;
    private readonly SageParameterLayout _layout;
    private readonly Parameter[] _segments;

    public TorchSageNetwork(SageArchitecture architecture, ReadOnlySpan<float> parameters, Device device)
    {
        _architecture = architecture;
        _layout = new SageParameterLayout(architecture);
        _segments = new Parameter[_layout.Segments.Count];
        for (var s = 0; s < _segments.Length; s++)
        {
            var segment = _layout.Segments[s];
            _segments[s] = new Parameter(torch.tensor(parameters.Slice((int)segment.Offset, segment.Length).ToArray(), [segment.Rows, segment.Columns], device: device), requires_grad: true);
        }
    }

    /// <summary>Weight matrices, which decay.</summary>
    public IEnumerable<Parameter> Weights => _segments.Where((_, s) => _layout.Segments[s].Decays);

    /// <summary>Biases, which do not.</summary>
    public IEnumerable<Parameter> Biases => _segments.Where((_, s) => !_layout.Segments[s].Decays);

    /// <summary>
    /// Level <paramref name="level"/> (1-based) from the rows of <paramref name="source"/>: the first
    /// <paramref name="rows"/> source rows are the nodes themselves, <paramref name="means"/> one matrix per relation.
    /// Returns the pre-activation.
    /// </summary>
    public Tensor Layer(int level, Tensor source, int rows, IReadOnlyList<Tensor> means) =>
        Layer(level, source, rows, means, source.narrow(0, 0, rows));

    /// <summary>As above, with the nodes' own rows given (layer-wise inference, where a chunk's rows sit mid-source).</summary>
    public Tensor Layer(int level, Tensor source, int rows, IReadOnlyList<Tensor> means, Tensor self)
    {
        var width = _architecture.Width(level - 1);
        var weights = _segments[2 * (level - 1)];
        var z = self.mm(weights.narrow(0, 0, width));
        for (var r = 0; r < means.Count; r++)
        {
            z = z.add(torch.mm(means[r], source).mm(weights.narrow(0, (r + 1) * width, width)));
        }
        return z.add(_segments[(2 * level) - 1]);
    }

    /// <summary>The activation after layer <paramref name="level"/>: ReLU (+ dropout while training), or the embedding's normalisation.</summary>
    public Tensor Activate(int level, Tensor z, bool training, double dropout)
    {
        if (level < _architecture.LayerCount)
        {
            var h = nn.functional.relu(z);
            return training && dropout > 0 ? nn.functional.dropout(h, dropout, training: true) : h;
        }
        // The hand-written engine divides by max(‖z‖, 1e-6); libtorch's normalize does the same with its eps.
        return _architecture.NormalizeEmbeddings ? nn.functional.normalize(z, p: 2, dim: 1, eps: 1e-6) : z;
    }

    /// <summary>Logits (one per row) of the logistic head.</summary>
    public Tensor Classify(Tensor embeddings) => embeddings.mm(_segments[^2]).add(_segments[^1]).squeeze(1);

    /// <summary>The parameters as one flat vector in <see cref="SageParameterLayout"/> order.</summary>
    public float[] Snapshot()
    {
        var values = new float[_layout.Count];
        using var scope = NewDisposeScope();
        for (var s = 0; s < _segments.Length; s++)
        {
            var segment = _layout.Segments[s];
            _segments[s].detach().cpu().contiguous().data<float>().CopyTo(values.AsSpan((int)segment.Offset, segment.Length));
        }
        return values;
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            segment.Dispose();
        }
    }
}
