using GraphGuard.Storage.Snapshots;

namespace GraphGuard.Storage.Service;

/// <summary>The latest publication: which run it made current, and when; <paramref name="Window"/> is the events that run was computed on.</summary>
public sealed record PublicationHead(long PublicationId, long RunId, string Kind, DateTime PublishedAt, string ModelVersion, SnapshotWindow Window);
