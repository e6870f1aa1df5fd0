namespace GraphGuard.Core.Detection;

/// <summary>A flagged group after merging what the detectors found.</summary>
/// <param name="Members">Account indices, sorted.</param>
/// <param name="Core">Members the evidence is strongest for, sorted; the rest are periphery.</param>
/// <param name="Detectors">Names of the detectors that found (part of) it, sorted.</param>
/// <param name="Score">Combined score in [0, 1].</param>
/// <param name="Evidence">Every detector's facts about it.</param>
/// <param name="FirstActivity">Earliest action of a member in the snapshot (seconds after its time base).</param>
/// <param name="LastActivity">Latest action of a member in the snapshot.</param>
public sealed record CoordinatedCluster(
    int[] Members, int[] Core, IReadOnlyList<string> Detectors, double Score, IReadOnlyList<Evidence> Evidence, int FirstActivity, int LastActivity);
