namespace GraphGuard.Core.Synthetic;

/// <summary>
/// People are on the app in the evening and asleep before dawn, in their own time zone. Ordinary life
/// follows this curve; scripted campaign actions do not, which is a real (and weak) signal.
/// </summary>
internal static class DailyRhythm
{
    // Relative activity per local hour, 00-23, peaking in the evening.
    private static readonly double[] Weight =
    [
        0.45, 0.30, 0.18, 0.12, 0.10, 0.12, 0.20, 0.35, 0.50, 0.55, 0.60, 0.65,
        0.70, 0.70, 0.65, 0.65, 0.70, 0.75, 0.85, 0.95, 1.00, 1.00, 0.90, 0.70,
    ];

    /// <summary>Chance of keeping a moment drawn uniformly: rejection sampling against the curve.</summary>
    public static double Acceptance(int unixSeconds, int utcOffsetHours)
    {
        int localHour = (int)((((long)unixSeconds / WorldClock.Hour) + utcOffsetHours) % 24);
        return Weight[localHour < 0 ? localHour + 24 : localHour];
    }

    /// <summary>A moment in [start, start + span) shaped by the curve; three tries bound the cost.</summary>
    public static int Draw(WorldRandom random, int start, int span, int utcOffsetHours)
    {
        int ts = start + random.Next(span);
        for (int attempt = 0; attempt < 3 && !random.Chance(Acceptance(ts, utcOffsetHours)); attempt++)
        {
            ts = start + random.Next(span);
        }

        return ts;
    }
}
