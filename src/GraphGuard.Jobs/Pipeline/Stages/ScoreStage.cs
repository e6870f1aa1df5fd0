using GraphGuard.Learning.Sage;
using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Scores every account of the snapshot with the run's model: calibrated probability, log-odds, the band the
/// definition's policy gives, and the top reasons in words, into <c>risk_scores</c>.
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
        var features = model.Features(input, out var missing, new SageInferenceOptions { CancellationToken = ct });
        var scores = model.Score(features, Reasons);
        var bands = context.Definition.Bands;
        var nodes = input.Features.AccountIds;
        var rows = scores.Select(s => new StoredScore(nodes[s.Row], s.Probability, s.Margin, bands.BandOf(s.Probability), [.. s.Reasons.Select(r => r.Text)])).ToList();
        context.Progress.Report("storing scores");
        await ScoreStore.ReplaceAsync(context.DataSource, context.RunId, rows, ct).ConfigureAwait(false);
        await RunOutputs.SetModelVersionAsync(context.DataSource, context.RunId, version, ct).ConfigureAwait(false);
        return new StageOutcome(rows.Count, new Dictionary<string, object?>
        {
            ["model_version"] = version,
            ["missing_features"] = missing,
            ["bands"] = bands.Bands.ToDictionary(b => b.Name, b => rows.Count(r => r.Band == b.Name)),
        });
    }
}
