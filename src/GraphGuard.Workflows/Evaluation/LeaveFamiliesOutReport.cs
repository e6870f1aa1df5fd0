namespace GraphGuard.Workflows.Evaluation;

/// <summary><c>eval detect --leave-families-out --json</c>: each half's world at the defaults, and each direction's fitted thresholds on both halves.</summary>
public sealed record LeaveFamiliesOutReport(IReadOnlyList<LeaveFamiliesOutReport.HalfWorld> Halves, IReadOnlyList<LeaveFamiliesOutReport.Direction> Directions)
{
    /// <summary>One half's world, detected at the default thresholds.</summary>
    public sealed record HalfWorld(
        string Difficulty, string Half, IReadOnlyList<string> Families, string World, string Database, int DetectionRunId, ScorecardReport DefaultsCard,
        double DetectSeconds, IReadOnlyDictionary<string, double> DetectorSeconds);

    /// <summary>Thresholds fitted on one half, scored on it and on the other.</summary>
    public sealed record Direction(string Difficulty, string FittedOn, string ReportedOn, Thresholds Fitted, ScorecardReport OnFitted, ScorecardReport HeldOut);

    /// <summary>The verification thresholds fitted.</summary>
    public sealed record Thresholds(double Penalty, double MinCopiesPerAccount, double MinScore);

    public static LeaveFamiliesOutReport Of(LeaveFamiliesOut.Outcome outcome) => new(
        [.. outcome.Halves.Select(h => new HalfWorld(h.Difficulty.ToString(), h.Name, h.Families, h.World, h.Database, h.DetectionRunId, ScorecardReport.Of(h.Card),
            Math.Round(h.DetectTime.TotalSeconds, 2), h.Timings.ToDictionary(t => t.Step, t => Math.Round(t.Elapsed.TotalSeconds, 2))))],
        [.. outcome.Directions.Select(d => new Direction(d.Difficulty.ToString(), d.FittedOn, d.ReportedOn,
            new Thresholds(d.Fitted.Penalty, d.Fitted.MinCopiesPerAccount, d.Fitted.MinScore), ScorecardReport.Of(d.OnFitted), ScorecardReport.Of(d.HeldOut)))]);
}
