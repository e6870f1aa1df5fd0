using GraphGuard.Learning.Sage;
using TorchSharp;
using static TorchSharp.torch;

namespace GraphGuard.Learning.Torch.Sage;

/// <summary>
/// Layer-wise inference of a <see cref="SageModel"/> on libtorch, as <c>LayerwiseEmbedder</c>: level l for every
/// node from level l-1 with each node's mean over all its neighbours, in chunks of rows, so a model trained by
/// either engine embeds on the CPU or a CUDA device.
/// </summary>
public static class TorchSageEmbedder
{
    /// <summary>Embeds every node: row v of the result is node v's embedding.</summary>
    /// <param name="model">A model trained by either engine.</param>
    /// <param name="graph">The graph, with the model's relations.</param>
    /// <param name="features">n × d input features, scaled as in training.</param>
    /// <param name="device">"auto" (CUDA when present), "cpu" or "cuda[:N]".</param>
    /// <param name="chunkRows">Nodes per chunk; bounds the sparse matrices to a chunk's edges.</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    public static float[] Embed(SageModel model, SageGraph graph, float[] features, string device = "auto", int chunkRows = 65_536, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkRows);
        var architecture = model.Architecture;
        architecture.RequireInput(graph, features);
        var target = TorchRuntime.Device(device);
        var n = graph.NodeCount;
        var embeddings = new float[(long)n * architecture.EmbeddingDimension];
        using var noGrad = no_grad();
        using var network = new TorchSageNetwork(architecture, model.Parameters, target);
        var below = torch.tensor(features, [n, architecture.FeatureCount], device: target);
        try
        {
            for (var l = 1; l <= architecture.LayerCount; l++)
            {
                var chunks = new List<Tensor>();
                for (var start = 0; start < n; start += chunkRows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rows = Math.Min(chunkRows, n - start);
                    using var scope = NewDisposeScope();
                    var means = graph.Relations.Select(r => TorchMeans.FullNeighbourhoods(r.Graph, start, rows, target)).ToArray();
                    var self = below.narrow(0, start, rows);
                    var z = network.Layer(l, below, rows, means, self);
                    chunks.Add(network.Activate(l, z, training: false, dropout: 0).MoveToOuterDisposeScope());
                }
                var above = torch.cat(chunks, 0);
                foreach (var chunk in chunks)
                {
                    chunk.Dispose();
                }
                below.Dispose();
                below = above;
            }
            below.cpu().contiguous().data<float>().CopyTo(embeddings);
        }
        finally
        {
            below.Dispose();
        }
        return embeddings;
    }
}
