namespace GraphGuard.Storage.Pipeline;

/// <summary>The latest run of one pipeline, for the service's <c>/metrics</c>.</summary>
public sealed record PipelineStatus(string Pipeline, long RunId, string Status, DateTime UpdatedAt);
