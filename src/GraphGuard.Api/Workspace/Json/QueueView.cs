namespace GraphGuard.Api.Workspace.Json;

/// <summary>The cluster queue: the published run's clusters after filters, in the order asked for, with every detector name for the filter.</summary>
public sealed record QueueView(long RunId, long? PreviousRunId, int Total, IReadOnlyList<string> Detectors, IReadOnlyList<QueueRowView> Clusters);
