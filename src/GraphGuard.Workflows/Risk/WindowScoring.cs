using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Progress;
using Npgsql;

namespace GraphGuard.Workflows.Risk;

/// <summary><c>graphguard score</c>'s use case: every account of a window scored with a saved model, with its reasons.</summary>
public static class WindowScoring
{
    /// <summary>Scores, riskiest first; each account's graph node (entities.id) by row; the model's features the input lacked.</summary>
    public sealed record Outcome(RiskScore[] Ranked, int[] AccountNodes, IReadOnlyList<string> MissingFeatures);

    public static async Task<Outcome> RunAsync(NpgsqlDataSource dataSource, RiskModel model, SnapshotWindow window, int reasons, StageLog log, CancellationToken ct = default)
    {
        var (input, nodes) = await RiskInputs.LoadAsync(dataSource, window, log, ct).ConfigureAwait(false);
        RiskScore[] scores;
        IReadOnlyList<string> missing;
        using (input.Relations)
        {
            var features = model.Features(input, out missing);
            scores = model.Score(features, Math.Max(0, reasons));
        }
        log.Done("scoring", $"{scores.Length:N0} accounts with model {model.Summary.Version}" + (missing.Count == 0 ? "" : $"; missing features: {string.Join(", ", missing)}"));
        return new Outcome([.. scores.OrderByDescending(s => s.Margin).ThenBy(s => s.Row)], nodes, missing);
    }
}
