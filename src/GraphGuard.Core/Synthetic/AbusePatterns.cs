namespace GraphGuard.Core.Synthetic;

internal static class AbusePatterns
{
    public static AbusePattern[] All { get; } = Enum.GetValues<AbusePattern>();

    public static string WireName(this AbusePattern pattern) => pattern switch
    {
        AbusePattern.BotFarm => "bot_farm",
        AbusePattern.EngagementFarm => "engagement_farm",
        AbusePattern.SpamRing => "spam_ring",
        AbusePattern.CommentBrigade => "comment_brigade",
        AbusePattern.Sleeper => "sleeper",
        _ => throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "unknown pattern"),
    };
}
