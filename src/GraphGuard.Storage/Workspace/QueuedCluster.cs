namespace GraphGuard.Storage.Workspace;

/// <summary>
/// A cluster of a run as the queue lists it: its numbers, headline and, against the previously published run,
/// the cluster it continues (most shared members) and that cluster's size; no previous cluster means it is new.
/// </summary>
public sealed record QueuedCluster(long Id, float Score, int Size, int CoreSize, IReadOnlyList<string> Detectors, DateTime? FirstActivity,
    DateTime? LastActivity, string Headline, long? PreviousId, int PreviousSize, int SharedWithPrevious);
