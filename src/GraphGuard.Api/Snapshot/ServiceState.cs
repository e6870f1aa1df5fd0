namespace GraphGuard.Api.Snapshot;

/// <summary>
/// What the service serves: one published run and the pipelines' latest statuses, each an immutable object
/// behind a reference that is swapped whole, so readers need no lock.
/// </summary>
internal sealed class ServiceState
{
    private volatile PublishedRun? _run;
    private volatile IReadOnlyList<PipelineStatus> _pipelines = [];

    /// <summary>The published run, or null before one is loaded (or while none is published).</summary>
    public PublishedRun? Run => _run;

    public IReadOnlyList<PipelineStatus> Pipelines => _pipelines;

    public void Publish(PublishedRun run) => _run = run;

    public void SetPipelines(IReadOnlyList<PipelineStatus> pipelines) => _pipelines = pipelines;
}
