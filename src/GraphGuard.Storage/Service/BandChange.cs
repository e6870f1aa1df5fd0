namespace GraphGuard.Storage.Service;

/// <summary>One account whose band a publication changed (a null band: not scored before, or no longer).</summary>
public sealed record BandChange(long ChangeId, string AccountId, string? OldBand, string? NewBand, float? Score, long RunId,
    long PublicationId, string PublicationKind, DateTime PublishedAt);
