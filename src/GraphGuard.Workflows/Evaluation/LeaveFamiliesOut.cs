using GraphGuard.Core.Detection;
using GraphGuard.Core.Synthetic;
using GraphGuard.Core.Synthetic.Scenarios;

namespace GraphGuard.Workflows.Evaluation;

/// <summary>
/// <c>eval detect --leave-families-out</c>: the scenario library split into two halves of families (abuse
/// and organic alike); one world per half and difficulty, each ingested into its own database and detected
/// once; the verification thresholds fitted on one half's world and reported on the other's, both ways.
/// The detectors' own bars are not fitted (they come from their null models), so the held-out rows measure
/// how detection meets families it was not tuned on, as far as our generator can tell.
/// </summary>
public static class LeaveFamiliesOut
{
    /// <param name="Folder">Where the worlds are written (one subfolder each; an existing world is reused).</param>
    /// <param name="Accounts">Accounts per world.</param>
    /// <param name="Seed">Seeds both the worlds and the split of families.</param>
    /// <param name="Difficulties">Difficulties to measure.</param>
    public sealed record Settings(string Folder, int Accounts, ulong Seed, IReadOnlyList<ScenarioDifficulty> Difficulties);

    /// <summary>One half's world, detected once; its card scores the clusters flagged at the default thresholds.</summary>
    public sealed record Half(
        ScenarioDifficulty Difficulty, string Name, IReadOnlyList<string> Families, string World, string Database, int DetectionRunId,
        DetectionScorecard Card, IReadOnlyList<(string Step, TimeSpan Elapsed)> Timings, TimeSpan DetectTime);

    /// <summary>
    /// Thresholds fitted on one half, reported on the other: <c>OnFitted</c> scores them on the half they were
    /// fitted on (in family, flattering), <c>HeldOut</c> on the other half (the honest number).
    /// </summary>
    public sealed record Direction(ScenarioDifficulty Difficulty, string FittedOn, string ReportedOn, VerificationOptions Fitted, DetectionScorecard OnFitted, DetectionScorecard HeldOut);

    public sealed record Outcome(IReadOnlyList<Half> Halves, IReadOnlyList<Direction> Directions);

    public static async Task<Outcome> RunAsync(Settings settings, Action<string> step, CancellationToken ct = default)
    {
        var (first, second) = ScenarioLibrary.Halves(settings.Seed);
        var halves = new List<Half>();
        var directions = new List<Direction>();
        foreach (var difficulty in settings.Difficulties)
        {
            var detected = new List<(Half Half, ScoredWorld World, IReadOnlyList<CandidateCluster> Candidates)>();
            foreach (var (name, families) in new[] { ("A", first), ("B", second) })
            {
                var dir = Path.Combine(settings.Folder, $"lfo_{difficulty}_{name}_{settings.Accounts}_{settings.Seed}".ToLowerInvariant());
                if (!File.Exists(Path.Combine(dir, WorldStreams.LookalikesFile)))
                {
                    step($"generating {dir}");
                    var options = new WorldOptions { Accounts = settings.Accounts, Seed = settings.Seed, Scenarios = families, Difficulty = difficulty };
                    await Task.Run(() => WorldFiles.Write(dir, options, gzip: false, null, ct), ct).ConfigureAwait(false);
                }
                var database = WorldStore.DatabaseFor(dir);
                step($"ingesting {dir}");
                await using var dataSource = await WorldStore.OpenIngestedAsync(dir, null, ct).ConfigureAwait(false);
                var outcome = await WorldDetectionEvaluation.RunAsync(dataSource, dir, s => step($"{difficulty} {name}: {s}"), ct).ConfigureAwait(false);
                var half = new Half(difficulty, name, families, dir, database, outcome.Detection.RunId, outcome.Card,
                    outcome.Detection.Report.Timings, outcome.Detection.TotalTime);
                halves.Add(half);
                detected.Add((half, outcome.World, outcome.Detection.Report.Candidates));
            }
            foreach (var (fit, report) in new[] { (detected[0], detected[1]), (detected[1], detected[0]) })
            {
                step($"{difficulty}: fitting thresholds on half {fit.Half.Name}");
                var (fitted, onFitted) = VerificationFitting.Fit(fit.Candidates, fit.World.Score);
                var heldOut = report.World.Score([.. CoordinationDetection.Verified(report.Candidates, fitted).Select(v => v.Candidate.Members)]);
                directions.Add(new Direction(difficulty, fit.Half.Name, report.Half.Name, fitted, onFitted, heldOut));
            }
        }
        return new Outcome(halves, directions);
    }
}
