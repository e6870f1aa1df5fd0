using GraphGuard.Workflows.Content;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Scores all content with the in-house text classifiers <c>graphguard content train</c> saved (one per policy,
/// under <paramref name="modelsFolder"/>) into <c>content_scores</c>. It runs first, before the snapshot reads
/// content, so the detectors and the risk features of this run see the scores as <c>gg_&lt;policy&gt;</c>. With
/// no models saved the stage says so and the run goes on with upstream signals only.
/// </summary>
internal sealed class ContentStage(string modelsFolder) : IPipelineStage
{
    public string Name => "content";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        if (ContentModelTraining.ReadCards(modelsFolder).Count == 0)
        {
            return new StageOutcome(0, new Dictionary<string, object?>
            {
                ["models"] = Path.GetFullPath(modelsFolder),
                ["skipped"] = "no content models saved there (graphguard content train)",
            });
        }
        context.Progress.Report("scoring content with the in-house text classifiers");
        var scored = await ContentScoring.ScoreAsync(context.DataSource, modelsFolder, ct).ConfigureAwait(false);
        return new StageOutcome(scored.Sum(s => s.Scored), new Dictionary<string, object?>
        {
            ["models"] = Path.GetFullPath(modelsFolder),
            ["scored"] = scored.ToDictionary(s => s.Label, s => (object?)new { version = s.Version, items = s.Scored }),
        });
    }
}
