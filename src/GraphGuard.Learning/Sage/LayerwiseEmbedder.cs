using GraphGuard.Core.Graph;
using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// Inference for every node, layer by layer over the full graph (as PyG's layer-wise inference): level l
/// is computed for all nodes from level l-1 with each node's mean over all its neighbours, in chunks of rows,
/// each chunk parallel inside the backend. No node's neighbourhood is recomputed per batch, so cost is
/// O(layers · (edges + nodes) · width) however the sampled fan-outs were set; full means are the
/// expectation of the sampled means the model was trained on.
/// </summary>
internal sealed class LayerwiseEmbedder : IDisposable
{
    private readonly ITensorBackend _backend;
    private readonly SageArchitecture _architecture;
    private readonly SageParameterLayout _layout;
    private readonly DeviceBuffer _parameters;
    private readonly SparseBlock[] _blocks;
    private readonly ScratchMatrix _output;
    private readonly ScratchMatrix _norms;
    private readonly ScratchMatrix[] _means;
    private readonly MatrixView[] _meanViews;

    public LayerwiseEmbedder(ITensorBackend backend, SageArchitecture architecture, ReadOnlySpan<float> parameters)
    {
        _backend = backend;
        _architecture = architecture;
        _layout = new SageParameterLayout(architecture);
        _parameters = backend.Allocate(_layout.Count);
        backend.Upload(parameters, _parameters.Matrix(0, 1, _layout.Count));
        _blocks = new SparseBlock[architecture.RelationCount];
        _means = new ScratchMatrix[architecture.RelationCount];
        _meanViews = new MatrixView[architecture.RelationCount];
        for (var r = 0; r < _blocks.Length; r++)
        {
            _blocks[r] = new SparseBlock();
            _means[r] = new ScratchMatrix(backend);
        }
        _output = new ScratchMatrix(backend);
        _norms = new ScratchMatrix(backend);
    }

    /// <summary>Writes the embedding of node v to row v of <paramref name="destination"/> (n × embedding dimension).</summary>
    public void Embed(SageGraph graph, float[] features, Span<float> destination, int chunkRows, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var layers = _architecture.LayerCount;
        var below = _backend.Allocate((long)n * _architecture.FeatureCount);
        try
        {
            _backend.Upload(features, below.Matrix(0, n, _architecture.FeatureCount));
            for (var l = 1; l <= layers; l++)
            {
                var source = below.Matrix(0, n, _architecture.Width(l - 1));
                var width = _architecture.Width(l);
                var above = l < layers ? _backend.Allocate((long)n * width) : null;
                for (var start = 0; start < n; start += chunkRows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rows = Math.Min(chunkRows, n - start);
                    var z = LayerChunk(graph, l, source, start, rows);
                    if (above is not null)
                    {
                        _backend.Relu(z, above.Matrix((long)start * width, rows, width));
                    }
                    else
                    {
                        Finish(z, destination.Slice(start * width, rows * width));
                    }
                }
                below.Dispose();
                below = above ?? below;
            }
        }
        finally
        {
            below.Dispose();
        }
    }

    public void Dispose()
    {
        _parameters.Dispose();
        _output.Dispose();
        _norms.Dispose();
        foreach (var means in _means)
        {
            means.Dispose();
        }
    }

    /// <summary>Pre-activations of layer <paramref name="layer"/> for rows [start, start + rows).</summary>
    private MatrixView LayerChunk(SageGraph graph, int layer, MatrixView source, int start, int rows)
    {
        for (var r = 0; r < _blocks.Length; r++)
        {
            FullNeighbourhoods(graph.Relations[r].Graph, _blocks[r], start, rows);
            _meanViews[r] = _means[r].Shape(rows, source.Columns);
        }
        var z = _output.Shape(rows, _architecture.Width(layer));
        SageLayer.Forward(_backend, _layout.Layer(layer, _parameters), _blocks, source.RowRange(start, rows), source, _meanViews, z);
        return z;
    }

    private void Finish(MatrixView z, Span<float> destination)
    {
        if (_architecture.NormalizeEmbeddings)
        {
            _backend.L2NormalizeRows(z, z, _norms.Shape(z.Rows, 1));
        }
        _backend.Download(z, destination);
    }

    /// <summary>Block of rows [start, start + rows) over all nodes, each row the mean of all its neighbours.</summary>
    private static void FullNeighbourhoods(CsrGraph graph, SparseBlock block, int start, int rows)
    {
        block.Reset(rows, graph.NodeCount);
        var offsets = block.RowOffsets;
        for (var i = 0; i < rows; i++)
        {
            offsets[i + 1] = checked(offsets[i] + graph.Degree(start + i));
        }
        block.ReserveEntries();
        for (var i = 0; i < rows; i++)
        {
            var neighbors = graph.Neighbors(start + i);
            neighbors.CopyTo(block.ColumnIndices.AsSpan(offsets[i]));
            block.Values.AsSpan(offsets[i], neighbors.Length).Fill(1f / neighbors.Length);
        }
    }
}
