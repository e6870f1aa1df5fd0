namespace GraphGuard.Storage.Drift;

/// <summary>
/// One variable's population stability index against the reference run, its level (stable, moderate, shift; unknown in
/// runs before the thresholds were kept) and the thresholds it was judged by: 0.1 and 0.25, or bootstrapped ones for a
/// small window (null in those older runs).
/// </summary>
public sealed record DriftMeasure(string Variable, double Psi, string Level, double? ModerateAt = null, double? ShiftAt = null);
