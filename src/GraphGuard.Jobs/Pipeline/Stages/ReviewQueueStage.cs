using GraphGuard.Core.Review;
using GraphGuard.Storage.Review;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Fills the day's review budget from the run's scores (<see cref="ReviewQueuePlanner"/>): a random slice per band for
/// unbiased precision, then the undecided accounts nearest a band boundary, one per cluster, into <c>review_items</c>.
/// </summary>
internal sealed class ReviewQueueStage : IPipelineStage
{
    public string Name => "review_queue";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var options = context.Definition.Review;
        var candidates = await ReviewQueueStore.CandidatesAsync(context.DataSource, context.RunId, ct).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException("the run has no scores: run its score stage first");
        }
        context.Progress.Report($"choosing {options.Budget} reviews among {candidates.Count:N0} accounts");
        var bands = context.Definition.Bands.Bands.Select(b => new ReviewBand(b.Name, b.Minimum)).ToList();
        var items = ReviewQueuePlanner.Plan(candidates, bands, options, context.RunId);
        await ReviewQueueStore.ReplaceAsync(context.DataSource, context.RunId, items, ct).ConfigureAwait(false);
        return new StageOutcome(items.Count, new Dictionary<string, object?>
        {
            ["budget"] = options.Budget,
            ["uncertain"] = items.Count(i => i.Kind == ReviewItemKind.Uncertain),
            ["clusters"] = items.Count(i => i.ClusterId is not null),
            ["random"] = items.Count(i => i.Kind == ReviewItemKind.Random),
        });
    }
}
