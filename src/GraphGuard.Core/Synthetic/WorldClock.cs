namespace GraphGuard.Core.Synthetic;

/// <summary>The world's fixed calendar, in Unix seconds (fits an int until 2038).</summary>
internal static class WorldClock
{
    public const int Minute = 60;
    public const int Hour = 3_600;
    public const int Day = 86_400;

    /// <summary>2026-11-01T00:00:00Z: nothing happens at or after it.</summary>
    public const int End = 1_793_491_200;

    /// <summary>Activity (logins, likes, posts) covers the last 180 days.</summary>
    public const int WindowStart = End - (180 * Day);

    /// <summary>Accounts were created over the last three years.</summary>
    public const int HistoryStart = End - (3 * 365 * Day);

    public const int Window = End - WindowStart;
}
