namespace GraphGuard.Core.Synthetic;

/// <summary>The planted campaign patterns; <see cref="AbusePatterns.WireName"/> is what truth.csv says.</summary>
internal enum AbusePattern
{
    BotFarm,
    EngagementFarm,
    SpamRing,
    CommentBrigade,
    Sleeper,
}
