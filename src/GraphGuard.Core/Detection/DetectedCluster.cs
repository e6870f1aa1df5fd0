namespace GraphGuard.Core.Detection;

/// <summary>A group of accounts one detector flags, with its score in [0, 1] and the facts behind it.</summary>
/// <param name="Detector">The detector's name.</param>
/// <param name="Members">Account indices, sorted.</param>
/// <param name="Core">The members the evidence is strongest for (sorted; a subset of <paramref name="Members"/>).</param>
/// <param name="Score">How sure the detector is that the group is coordinated, in [0, 1].</param>
/// <param name="Evidence">Facts an analyst can check.</param>
public sealed record DetectedCluster(string Detector, int[] Members, int[] Core, double Score, IReadOnlyList<Evidence> Evidence);
