using GraphGuard.Core.Features;

namespace GraphGuard.Core.Detection;

/// <summary>What a detection pass found: flagged clusters (best first), per-account features, and each step's time.</summary>
public sealed record DetectionReport(IReadOnlyList<CoordinatedCluster> Clusters, FeatureMatrix Features, IReadOnlyList<(string Step, TimeSpan Elapsed)> Timings);
