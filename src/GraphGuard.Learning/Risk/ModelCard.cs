using System.Globalization;
using System.Text;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// Writes a risk model's card (Mitchell et al., "Model Cards for Model Reporting", FAT* 2019): intended use,
/// data, training, metrics, what drives the scores, limitations — from the model's own summary, so the card
/// never disagrees with the artifact it sits in.
/// </summary>
public static class ModelCard
{
    /// <summary>The card as Markdown.</summary>
    public static string Render(RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = model.Summary;
        var labeled = s.LabeledAbusive + s.LabeledBenign;
        var card = new StringBuilder();
        Line(card, $"# Risk model `{s.Version}`");
        Line(card);
        Line(card, $"Trained {s.TrainedAt:yyyy-MM-dd HH:mm} UTC on {s.Source}, with XGBoost {s.XgboostVersion}. This card is written by the code that trains the model.");
        Line(card);
        Line(card, "## Intended use");
        Line(card);
        Line(card, "Ranks every account of a snapshot by the probability that it takes part in coordinated inauthentic behaviour " +
            "(bot farms, engagement farms, spam rings, comment brigades, sleeper accounts), with the few facts that raised each score, " +
            "to order review queues and to set friction (rate limits, challenges). A score is evidence for a reviewer, not a verdict: " +
            "it is not meant for automatic enforcement without review, nor for data other than the platform events it was trained on.");
        Line(card);
        Line(card, "## Data");
        Line(card);
        Line(card, $"- {s.Accounts:N0} accounts scored; {labeled:N0} labeled ({s.LabeledAbusive:N0} abusive, {s.LabeledBenign:N0} benign; the latest label of each account).");
        Line(card, $"- Labeled accounts split at random within each class: {Count(s.Train)} to fit the booster, {Count(s.Validation)} for early stopping, {Count(s.HeldOut)} held out from both and used to fit the calibration.");
        Line(card, $"- {model.FeatureNames.Count} features: {string.Join(", ", s.FeatureFamilies.Select(f => $"{f.Key} {f.Value}"))}.");
        Line(card, "  - *graph*: activity, shared context, structure and ranking in the snapshot (`GraphGuard.Core.Features`).");
        Line(card, "  - *detectors*: what the coordination detectors say of the account (shared infrastructure, lockstep, creation bursts, the flagged cluster it belongs to) and its trust from old active accounts.");
        Line(card, "  - *content*: upstream classifier scores of what the account wrote (mean, max, share flagged).");
        Line(card, "  - *profile*: the account's `f_*` profile fields.");
        Line(card, "  - *neighbor_labels*: how many accounts it is tied to (infrastructure, engagement, follows) carry an abusive or benign label.");
        Line(card, "  - *embedding*: a GraphSAGE embedding of the account over those three relations.");
        Line(card, "- No feature reads the account's own label: trust starts from old active accounts, not from labeled ones, and neighbour counts skip the account itself, so labeled and unlabeled accounts are described alike.");
        Line(card);
        Line(card, "## Training");
        Line(card);
        Line(card, $"- XGBoost, `binary:logistic`, {s.Rounds} rounds kept of {s.RoundsRun} run (early stopping on the validation set's last metric). Parameters: {string.Join(", ", s.BoosterParameters.Select(p => $"`{p.Key}={p.Value}`"))}.");
        if (s.Embedding is { } e)
        {
            Line(card, $"- GraphSAGE, unsupervised (link prediction with negative sampling), trained on every account: {e.InputFeatures} scaled input features, layers {string.Join(" → ", e.LayerDims)}, relations {string.Join(", ", e.Relations)}; epoch losses {string.Join(", ", e.EpochLosses.Select(l => l.ToString("0.0000", CultureInfo.InvariantCulture)))}.");
        }
        Line(card, $"- Calibration: {s.Calibration} on the held-out accounts' log-odds, so that a score is a probability" +
            (s.Calibration == "isotonic" ? "; kept within Platt's smoothed targets, so that no score is exactly 0 or 1." : "."));
        Line(card, $"- Stage seconds: {string.Join(", ", s.Seconds.Select(p => $"{p.Key} {p.Value.ToString("0.0", CultureInfo.InvariantCulture)}"))}.");
        Line(card);
        Line(card, "## Metrics");
        Line(card);
        Line(card, "| set | abusive | benign | AUROC | AUPRC | Recall@K | Brier | mean probability |");
        Line(card, "|---|---:|---:|---:|---:|---:|---:|---:|");
        Row(card, "train (fitted on)", s.Train);
        Row(card, "validation (early stopping)", s.Validation);
        Row(card, "held out (calibration)", s.HeldOut);
        Line(card);
        Line(card, "Recall@K: the share of abusive accounts among the K highest scores, K = the number of abusive accounts. " +
            "The held-out ranking metrics are the honest ones; its Brier score is optimistic, as the calibration was fitted there. " +
            "`graphguard eval --world` measures the model on the accounts that had no label.");
        Line(card);
        Line(card, "## What drives the scores");
        Line(card);
        Line(card, "Mean |SHAP contribution| (log-odds) on the held-out accounts; each score's own reasons come from its own contributions. " +
            "The last column reads the feature at its median over the held-out abusive accounts.");
        Line(card);
        Line(card, "| feature | mean abs. contribution | reads as |");
        Line(card, "|---|---:|---|");
        foreach (var f in s.TopFeatures)
        {
            var example = RiskFeatureCatalogue.Describe(f.Key == RiskFeatureCatalogue.EmbeddingReason ? RiskFeatureCatalogue.EmbeddingPrefix + "0" : f.Key, f.MedianAbusiveValue);
            Line(card, $"| `{f.Key}` | {f.MeanAbsoluteContribution.ToString("0.0000", CultureInfo.InvariantCulture)} | {example} |");
        }
        Line(card);
        Line(card, "## Limitations");
        Line(card);
        var labeledRate = labeled == 0 ? 0 : (double)s.LabeledAbusive / labeled;
        Line(card, $"- The probability is calibrated on labeled accounts, {100 * labeledRate:0.0}% of which are abusive. Labels come from enforcement and review, which seek abuse out, so the share of abuse among all accounts is likely lower and the probabilities overstate it for a random account; the ranking is unaffected.");
        Line(card, "- It learns the kinds of abuse its labels contain. A new pattern, or one the labels barely cover, can score low; the detectors' clusters remain the place to find those.");
        Line(card, "- Features describe one snapshot window: an account with little activity in it has little evidence either way, and scores drift when the window changes. Retrain per window.");
        Line(card, "- Neighbour-label features and the embedding depend on the snapshot's labels and graph; scoring another snapshot recomputes them there, with the scaling fitted here.");
        Line(card, "- Isotonic calibration is a step function: nearby scores can share one probability. Order by the log-odds (`margin`) where a strict order matters.");
        if (s.Source.Contains("synthetic", StringComparison.OrdinalIgnoreCase))
        {
            Line(card, "- Trained on a synthetic world: its metrics say how well the method recovers planted campaigns, not how it will do on real traffic.");
        }
        return card.ToString();
    }

    private static string Count(RiskSetMetrics m) => $"{m.Positives + m.Negatives:N0} ({m.Positives:N0} abusive)";

    private static void Row(StringBuilder card, string name, RiskSetMetrics m) =>
        Line(card, string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {m.Positives:N0} | {m.Negatives:N0} | {m.Auroc:0.0000} | {m.Auprc:0.0000} | {m.RecallAtK:0.0000} | {m.Brier:0.0000} | {m.MeanProbability:0.0000} |"));

    private static void Line(StringBuilder card, string text = "") => card.Append(text).Append('\n');
}
