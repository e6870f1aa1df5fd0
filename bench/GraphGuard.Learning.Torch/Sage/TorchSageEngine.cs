using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Torch.Sage;

/// <summary>GraphSAGE on libtorch as a <see cref="SageEngine"/>: <see cref="TorchSageTrainer"/> and <see cref="TorchSageEmbedder"/> on one device.</summary>
/// <param name="device">"auto" (CUDA when present), "cpu" or "cuda[:N]".</param>
public sealed class TorchSageEngine(string device = "auto") : SageEngine
{
    /// <summary>The device the engine asks for.</summary>
    public string Device { get; } = device;

    public override string Name => $"libtorch ({TorchRuntime.Device(Device).type.ToString().ToLowerInvariant()})";

    public override SageModel Train(SageGraph graph, float[] features, SageSupervision? supervision, SageOptions options, IProgress<SageEpoch>? progress = null, CancellationToken cancellationToken = default) =>
        TorchSageTrainer.Train(graph, features, supervision, options, Device, progress, cancellationToken);

    public override float[] Embed(SageModel model, SageGraph graph, float[] features, CancellationToken cancellationToken = default) =>
        TorchSageEmbedder.Embed(model, graph, features, Device, cancellationToken: cancellationToken);
}
