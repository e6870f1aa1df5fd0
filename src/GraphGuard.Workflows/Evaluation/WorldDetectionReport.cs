namespace GraphGuard.Workflows.Evaluation;

/// <summary><c>eval detect --world --json</c>: the world's detection run, its scorecard and its times.</summary>
public sealed record WorldDetectionReport(
    string World, string Database, int DetectionRunId, ScorecardReport Card, double DetectSeconds, double LoadSeconds, IReadOnlyDictionary<string, double> DetectorSeconds)
{
    public static WorldDetectionReport Of(string world, string database, WorldDetectionEvaluation.Outcome outcome) => new(
        world, database, outcome.Detection.RunId, ScorecardReport.Of(outcome.Card),
        Math.Round(outcome.Detection.TotalTime.TotalSeconds, 2), Math.Round(outcome.Detection.LoadTime.TotalSeconds, 2),
        outcome.Detection.Report.Timings.ToDictionary(t => t.Step, t => Math.Round(t.Elapsed.TotalSeconds, 2)));
}
