namespace GraphGuard.Core.Drift;

/// <summary>
/// Where a population stability index turns moderate and where it becomes a shift, for one comparison: the fixed 0.1
/// and 0.25 when both windows have at least <see cref="PopulationStability.MinimumRows"/> rows, else bootstrapped
/// (<see cref="PopulationStability.Thresholds"/>).
/// </summary>
/// <param name="Moderate">From this PSI on, a moderate shift.</param>
/// <param name="Shift">Above this PSI, a shift.</param>
/// <param name="Bootstrapped">Whether they come from the bootstrap (a small window) rather than the fixed values.</param>
public sealed record PsiThresholds(double Moderate, double Shift, bool Bootstrapped)
{
    /// <summary>The usual thresholds, for windows of at least 1,000 rows.</summary>
    public static PsiThresholds Fixed { get; } = new(PopulationStability.Moderate, PopulationStability.Shift, false);

    /// <summary><c>stable</c>, <c>moderate</c> or <c>shift</c>.</summary>
    public string Level(double psi) => psi > Shift ? "shift" : psi >= Moderate ? "moderate" : "stable";
}
