namespace GraphGuard.Learning.Tensors;

/// <summary>A <see cref="DeviceBuffer"/> in a managed array, for <see cref="CpuTensorBackend"/>.</summary>
internal sealed class CpuBuffer(int length) : DeviceBuffer(length)
{
    public float[] Data { get; } = new float[length];

    // Managed memory: nothing to free early.
    public override void Dispose()
    {
    }
}
