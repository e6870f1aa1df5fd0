namespace GraphGuard.Core.Detection;

/// <summary>A detector of coordinated behaviour: pure computation over one snapshot.</summary>
public interface IDetector
{
    /// <summary>Short stable name, stored with every cluster it contributes to (e.g. <c>lockstep</c>).</summary>
    string Name { get; }

    DetectorResult Detect(DetectionInput input);
}
