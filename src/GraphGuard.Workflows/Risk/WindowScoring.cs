using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Detection;
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

    /// <summary>A scored account as a person reads it: its external id, probability, margin and reasons.</summary>
    public sealed record ScoredAccount(string AccountId, float Probability, float Margin, IReadOnlyList<string> Reasons);

    /// <summary>What <c>graphguard score</c> reports: how many accounts were scored, the features the input lacked, the riskiest accounts named.</summary>
    public sealed record Report(int Accounts, IReadOnlyList<string> MissingFeatures, IReadOnlyList<ScoredAccount> Top);

    /// <summary>
    /// Scores the window (<see cref="RunAsync"/>) and names the <paramref name="top"/> riskiest accounts; with
    /// <paramref name="csvPath"/>, also writes every account's score there (<see cref="ScoreCsv"/>).
    /// </summary>
    public static async Task<Report> ReportAsync(NpgsqlDataSource dataSource, RiskModel model, SnapshotWindow window, int reasons, int top, string? csvPath,
        StageLog log, CancellationToken ct = default)
    {
        var (ranked, nodes, missing) = await RunAsync(dataSource, model, window, reasons, log, ct).ConfigureAwait(false);
        var shown = ranked.Take(Math.Max(0, top)).ToArray();
        // Only the accounts shown need their names, unless every account goes to the CSV file.
        var names = await EntityNames.LoadAsync(dataSource, (csvPath is null ? shown : ranked).Select(s => nodes[s.Row]), ct).ConfigureAwait(false);
        if (csvPath is not null)
        {
            await ScoreCsv.WriteAsync(csvPath, ranked, nodes, names, ct).ConfigureAwait(false);
        }
        return new Report(ranked.Length, missing, [.. shown.Select(s => new ScoredAccount(names.ExternalId(nodes[s.Row]), s.Probability, s.Margin, [.. s.Reasons.Select(r => r.Text)]))]);
    }
}
