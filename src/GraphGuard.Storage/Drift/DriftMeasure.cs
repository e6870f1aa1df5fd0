namespace GraphGuard.Storage.Drift;

/// <summary>One variable's population stability index against the reference run, and its level (stable, moderate, shift, unknown).</summary>
public sealed record DriftMeasure(string Variable, double Psi, string Level);
