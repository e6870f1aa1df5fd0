using GraphGuard.Storage.Snapshots;

namespace GraphGuard.Api.Snapshot;

/// <summary>The latest publication: which run it made current, and when; <paramref name="Window"/> is the events that run was computed on.</summary>
internal sealed record PublicationHead(long PublicationId, long RunId, string Kind, DateTime PublishedAt, string ModelVersion, SnapshotWindow Window);
