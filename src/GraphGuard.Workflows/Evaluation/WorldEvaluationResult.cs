using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Risk;

namespace GraphGuard.Workflows.Evaluation;

/// <summary>What <c>eval --world</c> measured on the accounts that had no label (printed, or written as JSON).</summary>
public sealed record WorldEvaluationResult
{
    public string World { get; init; } = "";

    public string Database { get; init; } = "";

    /// <summary>Accounts in the world's snapshot.</summary>
    public int Accounts { get; init; }

    /// <summary>Accounts without a label: the ones scored.</summary>
    public required int Unlabeled { get; init; }

    /// <summary>Of those, the ones truth.csv lists.</summary>
    public required int UnlabeledAbusive { get; init; }

    public required double Auroc { get; init; }

    public required double Auprc { get; init; }

    /// <summary>Recall among the K highest, K = <see cref="UnlabeledAbusive"/>.</summary>
    public required double RecallAtK { get; init; }

    /// <summary>Each planted pattern's unlabeled accounts against the unlabeled benign ones.</summary>
    public required IReadOnlyList<PatternRanking> Patterns { get; init; }

    /// <summary>The accounts a calibrated probability of at least 0.5 would flag.</summary>
    public required Operating AtHalf { get; init; }

    /// <summary>Legitimate look-alike accounts (families, campuses, NAT, viral fans) among the K highest.</summary>
    public required int LookalikesInTopK { get; init; }

    /// <summary>The model's own held-out metrics on labeled accounts.</summary>
    public RiskSetMetrics? Model { get; init; }

    public IReadOnlyDictionary<string, double> Seconds { get; init; } = new Dictionary<string, double>();

    public long PeakMemoryBytes { get; init; }

    /// <param name="Pattern">bot_farm, engagement_farm, ...</param>
    /// <param name="Accounts">Its unlabeled accounts.</param>
    /// <param name="Auroc">Its accounts against the unlabeled benign ones.</param>
    /// <param name="Auprc">Average precision, likewise.</param>
    /// <param name="RecallAtK">Recall among the K highest of that subset, K = <paramref name="Accounts"/>.</param>
    public sealed record PatternRanking(string Pattern, int Accounts, double Auroc, double Auprc, double RecallAtK);

    /// <param name="Flagged">Accounts at or above the threshold.</param>
    /// <param name="Precision">Share of them that are abusive.</param>
    /// <param name="Recall">Share of the abusive accounts among them.</param>
    public sealed record Operating(int Flagged, double Precision, double Recall);

    /// <summary>Ranks the unlabeled accounts by score against their planted pattern (null: benign).</summary>
    /// <param name="scores">The model's log-odds per unlabeled account.</param>
    /// <param name="probabilities">Its calibrated probabilities.</param>
    /// <param name="patterns">Per account its pattern in truth.csv, or null.</param>
    /// <param name="lookalikes">Per account its look-alike kind, or null.</param>
    public static WorldEvaluationResult Measure(float[] scores, float[] probabilities, string?[] patterns, string?[] lookalikes)
    {
        var abusive = Array.ConvertAll(patterns, p => p is not null);
        var positives = abusive.Count(a => a);
        if (positives == 0 || positives == abusive.Length)
        {
            throw new InvalidOperationException($"{abusive.Length:N0} unlabeled accounts, {positives:N0} of them in truth.csv: nothing to rank");
        }
        var all = BinaryMetrics.Evaluate(scores, abusive);
        var byPattern = patterns.OfType<string>().Distinct().Order(StringComparer.Ordinal).Select(pattern =>
        {
            var rows = Enumerable.Range(0, scores.Length).Where(r => patterns[r] is null || patterns[r] == pattern).ToArray();
            var m = BinaryMetrics.Evaluate(rows.Select(r => scores[r]).ToArray(), rows.Select(r => patterns[r] is not null).ToArray());
            return new PatternRanking(pattern, rows.Count(r => patterns[r] is not null), m.Auroc, m.Auprc, m.RecallAtK);
        }).ToList();
        var flagged = Enumerable.Range(0, scores.Length).Where(r => probabilities[r] >= 0.5f).ToArray();
        var caught = flagged.Count(r => abusive[r]);
        var topK = Enumerable.Range(0, scores.Length).OrderByDescending(r => scores[r]).Take(positives);
        return new WorldEvaluationResult
        {
            Unlabeled = scores.Length,
            UnlabeledAbusive = positives,
            Auroc = all.Auroc,
            Auprc = all.Auprc,
            RecallAtK = all.RecallAtK,
            Patterns = byPattern,
            AtHalf = new Operating(flagged.Length, flagged.Length == 0 ? 0 : (double)caught / flagged.Length, (double)caught / positives),
            LookalikesInTopK = topK.Count(r => lookalikes[r] is not null),
        };
    }
}
