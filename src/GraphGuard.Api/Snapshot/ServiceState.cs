using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Api.Snapshot;

/// <summary>
/// What the service serves: one published run, its interaction graph and the pipelines' latest statuses, each an immutable object
/// behind a reference that is swapped whole, so readers need no lock.
/// </summary>
internal sealed class ServiceState
{
    private volatile PublishedRun? _run;
    private volatile IReadOnlyList<PipelineStatus> _pipelines = [];
    private volatile PublishedGraph? _graph;
    private volatile FeedbackSnapshot? _feedback;

    /// <summary>The published run, or null before one is loaded (or while none is published).</summary>
    public PublishedRun? Run => _run;

    public IReadOnlyList<PipelineStatus> Pipelines => _pipelines;

    /// <summary>The interaction graph of a published run, or null while none is loaded; check its run id against <see cref="Run"/>.</summary>
    public PublishedGraph? Graph => _graph;

    /// <summary>The published run's measured precision, drift and review progress for <c>/metrics</c>, or null before it is read.</summary>
    public FeedbackSnapshot? Feedback => _feedback;

    public void Publish(PublishedRun run) => _run = run;

    public void SetFeedback(FeedbackSnapshot? feedback) => _feedback = feedback;

    public void SetGraph(PublishedGraph? graph) => _graph = graph;

    public void SetPipelines(IReadOnlyList<PipelineStatus> pipelines) => _pipelines = pipelines;
}
