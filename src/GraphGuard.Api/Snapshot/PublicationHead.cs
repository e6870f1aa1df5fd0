namespace GraphGuard.Api.Snapshot;

/// <summary>The latest publication: which run it made current, and when.</summary>
internal sealed record PublicationHead(long PublicationId, long RunId, string Kind, DateTime PublishedAt, string ModelVersion);
