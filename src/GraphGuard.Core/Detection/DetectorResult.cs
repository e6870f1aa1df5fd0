namespace GraphGuard.Core.Detection;

/// <summary>What one detector found: its clusters, and per-account features for the risk model.</summary>
/// <param name="Clusters">Flagged groups.</param>
/// <param name="Features">Named columns, each with one value per account index (NaN = not applicable).</param>
public sealed record DetectorResult(IReadOnlyList<DetectedCluster> Clusters, IReadOnlyList<(string Name, float[] Values)> Features);
