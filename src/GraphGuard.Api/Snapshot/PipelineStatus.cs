namespace GraphGuard.Api.Snapshot;

/// <summary>The latest run of one pipeline, for <c>/metrics</c>.</summary>
internal sealed record PipelineStatus(string Pipeline, long RunId, string Status, DateTime UpdatedAt);
