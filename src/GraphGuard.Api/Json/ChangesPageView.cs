namespace GraphGuard.Api.Json;

/// <summary>A page of the changes feed; pass <see cref="NextCursor"/> back to continue after it (also once the feed is drained).</summary>
public sealed record ChangesPageView(IReadOnlyList<BandChangeView> Changes, string? NextCursor, bool HasMore);
