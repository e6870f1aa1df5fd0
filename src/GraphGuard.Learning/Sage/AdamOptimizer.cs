using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>Adam over the flat parameter vector, segment by segment so only weights (not biases) decay.</summary>
internal sealed class AdamOptimizer(ITensorBackend backend, SageParameterLayout layout, float learningRate, float weightDecay) : IDisposable
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private readonly DeviceBuffer _firstMoment = backend.Allocate(layout.Count);
    private readonly DeviceBuffer _secondMoment = backend.Allocate(layout.Count);
    private int _step;

    public void Step(DeviceBuffer parameters, DeviceBuffer gradients)
    {
        _step++;
        foreach (var segment in layout.Segments)
        {
            var step = new AdamStep(learningRate, Beta1, Beta2, Epsilon, segment.Decays ? weightDecay : 0f, _step);
            backend.AdamUpdate(segment.In(parameters), segment.In(gradients), segment.In(_firstMoment), segment.In(_secondMoment), step);
        }
    }

    public void Dispose()
    {
        _firstMoment.Dispose();
        _secondMoment.Dispose();
    }
}
