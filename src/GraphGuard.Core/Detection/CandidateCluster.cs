namespace GraphGuard.Core.Detection;

/// <summary>A merged group before verification decides whether it is flagged.</summary>
/// <param name="Members">Account indices, sorted.</param>
/// <param name="Core">Members some detector marked core, sorted.</param>
/// <param name="Sources">The detectors' clusters merged into it.</param>
/// <param name="Score">Noisy-or of each detector's best score, before verification.</param>
public sealed record CandidateCluster(int[] Members, int[] Core, IReadOnlyList<DetectedCluster> Sources, double Score);
