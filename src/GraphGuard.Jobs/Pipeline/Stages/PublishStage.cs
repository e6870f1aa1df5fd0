using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Publishes the run atomically (<see cref="PublicationStore.PublishAsync"/>: publication, band changes, run
/// succeeded and the notification in one transaction), then applies retention. A second attempt finds the
/// run published and only applies retention.
/// </summary>
internal sealed class PublishStage(RunCache cache) : IPipelineStage
{
    public string Name => "publish";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var publication = await PublicationStore.PublishAsync(context.DataSource, context.RunId, rollback: false, note: null, ct).ConfigureAwait(false);
        var (deleted, pruned) = await PublicationStore.RetainAsync(context.DataSource, context.Definition.Name, context.Definition.KeepRuns, ct).ConfigureAwait(false);
        // The run is done: the next one loads its own snapshot.
        cache.Dispose();
        return new StageOutcome(publication.BandChanges, new Dictionary<string, object?>
        {
            ["publication_id"] = publication.PublicationId,
            ["previous_run_id"] = publication.PreviousRunId,
            ["band_changes"] = publication.BandChanges,
            ["already_published"] = publication.AlreadyPublished,
            ["runs_deleted"] = deleted,
            ["runs_pruned"] = pruned,
        });
    }
}
