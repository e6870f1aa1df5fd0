using GraphGuard.Core.Features;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Scores every account of the snapshot with the run's model: calibrated probability, log-odds, the band the
/// definition's policy gives, and for accounts above the lowest band the top reasons in words, into
/// <c>risk_scores</c>. The embedding comes from the embeddings stage, not from GraphSAGE run again.
/// </summary>
internal sealed class ScoreStage(RunCache cache) : IPipelineStage
{
    /// <summary>Reasons kept per account.</summary>
    private const int Reasons = 3;

    public string Name => "score";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var version = await RunOutputs.ModelVersionAsync(context.DataSource, context.RunId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the run has no model: run its embeddings and train stages first");
        var model = await cache.ModelAsync(context, version, ct).ConfigureAwait(false);
        var input = await cache.RiskInputAsync(context, ct).ConfigureAwait(false);
        context.Progress.Report($"scoring with model {version}");
        // The embeddings stage already embedded every account with this model's encoder: reuse it.
        var features = model.Embedding is { } encoder
            ? model.Features(input, await cache.EmbeddingAsync(context, encoder.Names, ct).ConfigureAwait(false), out var missing)
            : model.Features(input, out missing);
        var bands = context.Definition.Bands;
        var rows = await StoreAsync(context, model, features, input.Features.AccountIds, version, ct).ConfigureAwait(false);
        return new StageOutcome(rows.Count, new Dictionary<string, object?>
        {
            ["model_version"] = version,
            ["missing_features"] = missing,
            ["bands"] = bands.Bands.ToDictionary(b => b.Name, b => rows.Count(r => r.Band == b.Name)),
        });
    }

    /// <summary>
    /// Scores every account (rows of <paramref name="nodes"/>) with <paramref name="model"/> and replaces the run's scores and its
    /// model version: this stage with the run's model, the release stage with the champion's when it refuses the challenger.
    /// </summary>
    public static async Task<List<StoredScore>> StoreAsync(StageContext context, RiskModel model, FeatureMatrix features, int[] nodes, string version, CancellationToken ct)
    {
        var bands = context.Definition.Bands;
        // Reasons are for the accounts someone will look at: SHAP for every account was most of the stage's
        // time, and the lowest band is the one no enforcement acts on.
        var lowest = bands.Bands[0].Name;
        var scores = model.Score(features, Reasons, explain: p => bands.BandOf(p) != lowest);
        var rows = scores.Select(s => new StoredScore(nodes[s.Row], s.Probability, s.Margin, bands.BandOf(s.Probability), [.. s.Reasons.Select(r => r.Text)],
            [.. s.Reasons.Select(r => r.Contribution)])).ToList();
        context.Progress.Report("storing scores");
        await ScoreStore.ReplaceAsync(context.DataSource, context.RunId, rows, ct).ConfigureAwait(false);
        await RunOutputs.SetModelVersionAsync(context.DataSource, context.RunId, version, ct).ConfigureAwait(false);
        return rows;
    }
}
