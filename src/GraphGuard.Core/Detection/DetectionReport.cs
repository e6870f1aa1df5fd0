using GraphGuard.Core.Features;

namespace GraphGuard.Core.Detection;

/// <summary>What a detection pass found: flagged clusters (best first), per-account features, and each step's time.</summary>
/// <param name="Clusters">Flagged clusters, best first.</param>
/// <param name="Features">Per-account detector features.</param>
/// <param name="Timings">Each detector's and the merge's time.</param>
/// <param name="Candidates">Every merged group before verification, so an evaluation can decide again with other thresholds.</param>
public sealed record DetectionReport(
    IReadOnlyList<CoordinatedCluster> Clusters, FeatureMatrix Features, IReadOnlyList<(string Step, TimeSpan Elapsed)> Timings, IReadOnlyList<CandidateCluster> Candidates);
