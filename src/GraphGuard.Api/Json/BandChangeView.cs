using GraphGuard.Storage.Service;

namespace GraphGuard.Api.Json;

/// <summary>One account whose band a publication changed (a null band: not scored before, or no longer).</summary>
public sealed record BandChangeView(long ChangeId, string AccountId, string? OldBand, string? NewBand, float? Score, long RunId,
    long PublicationId, string PublicationKind, DateTime PublishedAt)
{
    public static BandChangeView From(BandChange c) =>
        new(c.ChangeId, c.AccountId, c.OldBand, c.NewBand, c.Score, c.RunId, c.PublicationId, c.PublicationKind, c.PublishedAt);
}
