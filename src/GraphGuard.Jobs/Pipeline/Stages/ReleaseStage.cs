using GraphGuard.Core.Features;
using GraphGuard.Learning.Release;
using GraphGuard.Learning.Risk;
using GraphGuard.Learning.Sage;
using GraphGuard.Storage.Models;
using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Champion and challenger. When the run trained a model (the challenger) while another model serves (the champion),
/// the champion scores the same snapshot in shadow and both are judged on the reviewed labels neither trained on
/// (<see cref="ChampionChallenger"/>, the definition's <c>release</c> tolerance). A challenger that is worse leaves
/// the run with the champion's scores (and model), so the run publishes those; the decision and why go to
/// <c>model_releases</c>. Skipped when the run scored with the serving model.
/// </summary>
internal sealed class ReleaseStage(RunCache cache) : IPipelineStage
{
    public string Name => "release";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var db = context.DataSource;
        var trained = await RiskModelStore.TrainedByAsync(db, context.RunId, ct).ConfigureAwait(false);
        var scoredWith = await RunOutputs.ModelVersionAsync(db, context.RunId, ct).ConfigureAwait(false);
        if (trained is null)
        {
            return new StageOutcome(0, new Dictionary<string, object?> { ["model_version"] = scoredWith, ["reason"] = "the run scored with the serving model" }) { Skipped = true };
        }
        var champion = await ModelReleaseStore.ServingModelAsync(db, ct).ConfigureAwait(false);
        var policy = context.Definition.Release;
        var input = await cache.RiskInputAsync(context, ct).ConfigureAwait(false);
        // Both models judge the held-out accounts from the input without the held-out labels (as the challenger trained),
        // so no held-out label reaches another held-out account's neighbour-label counts; the published scores use every label.
        var holdout = ReviewedHoldout.Of(input, await ModelReleaseStore.HeldOutLabelsAsync(db, ct).ConfigureAwait(false));
        var abusive = holdout.Abusive.ToArray();
        var ids = input.Features.AccountIds;
        var bands = context.Definition.Bands.Bands;
        var enforcement = bands.Count > 1 ? bands[1].Minimum : 1;
        var serving = champion is not null && champion != trained;
        float[]? championScores = null;
        FeatureMatrix? championFeatures = null;
        if (serving)
        {
            context.Progress.Report($"scoring with champion {champion} in shadow");
            var model = await cache.ModelAsync(context, champion!, ct).ConfigureAwait(false);
            championFeatures = model.Features(input, out _, new SageInferenceOptions { CancellationToken = ct });
            // The embedding reads no labels, so the blind features reuse it instead of running GraphSAGE again.
            var blind = model.Embedding is { } encoder
                ? model.Features(holdout.Blind, Columns(championFeatures, encoder.Names), out _)
                : model.Features(holdout.Blind, out _);
            championScores = Probabilities(model, blind, holdout);
        }
        // The challenger last, so it is the model the cache holds if its scores must be stored again.
        var challenger = await cache.ModelAsync(context, trained, ct).ConfigureAwait(false);
        var challengerScores = Probabilities(challenger, await FeaturesAsync(context, challenger, holdout.Blind, ct).ConfigureAwait(false), holdout);
        var verdict = serving
            ? ChampionChallenger.Judge(challengerScores, championScores, abusive, enforcement, policy)
            : ChampionChallenger.Judge(challengerScores, challengerScores, abusive, enforcement, policy) with { Released = true, Reason = "released: no model served before it" };
        if (!verdict.Released)
        {
            context.Progress.Report($"publishing champion {champion}'s scores");
            var model = await cache.ModelAsync(context, champion!, ct).ConfigureAwait(false);
            await ScoreStage.StoreAsync(context, model, championFeatures!, ids, champion!, ct).ConfigureAwait(false);
        }
        else if (scoredWith != trained)
        {
            // A retry that now releases what an earlier attempt refused: the run's scores are the champion's, so store the challenger's again.
            await ScoreStage.StoreAsync(context, challenger, await FeaturesAsync(context, challenger, input, ct).ConfigureAwait(false), ids, trained, ct).ConfigureAwait(false);
        }
        await ModelReleaseStore.RecordAsync(db, new ModelRelease(context.RunId, trained, serving ? champion : null, verdict.Released, verdict.Reason, verdict.Labels,
            serving ? verdict.Challenger.Auprc : null, serving ? verdict.Champion.Auprc : null,
            serving ? verdict.Challenger.Precision : null, serving ? verdict.Champion.Precision : null, policy.Tolerance, DateTime.UtcNow), ct).ConfigureAwait(false);
        return new StageOutcome(verdict.Labels, new Dictionary<string, object?>
        {
            ["challenger"] = trained,
            ["champion"] = serving ? champion : null,
            ["released"] = verdict.Released,
            ["reason"] = verdict.Reason,
        });
    }

    /// <summary>The run's model's features: its own encoder's embedding is the one the embeddings stage computed and stored.</summary>
    private async Task<FeatureMatrix> FeaturesAsync(StageContext context, RiskModel model, RiskInput input, CancellationToken ct) =>
        model.Embedding is { } encoder
            ? model.Features(input, await cache.EmbeddingAsync(context, encoder.Names, ct).ConfigureAwait(false), out _)
            : model.Features(input, out _);

    private static float[] Probabilities(RiskModel model, FeatureMatrix features, ReviewedHoldout holdout)
    {
        var all = model.Score(features, 0);
        return holdout.Select(all).Select(s => s.Probability).ToArray();
    }

    /// <summary>The named columns of a full feature matrix, as a matrix of their own.</summary>
    private static FeatureMatrix Columns(FeatureMatrix features, IReadOnlyList<string> names) =>
        RiskFeatureColumns.Combine(features.AccountIds, names.Select(n => (n, RiskFeatureColumns.Column(features, features.Column(n)))));
}
