namespace GraphGuard.Core.Detection.Media;

/// <summary>Settings for <see cref="ReusedMediaDetector"/>.</summary>
public sealed record ReusedMediaOptions
{
    /// <summary>
    /// Hashes at most this many bits apart are copies of one clip. Re-encoding, a crop or a watermark flips a
    /// few bits of a 64-bit perceptual hash; unrelated footage differs in about 32. Copies further apart than
    /// this still join one clip through the copies between them.
    /// </summary>
    public int MaxDistance { get; init; } = 4;

    /// <summary>A pair of accounts is tied only when it shares at least this many distinct clips: one shared
    /// clip is a news video or a meme, whoever posts it.</summary>
    public int MinSharedClips { get; init; } = 2;

    /// <summary>
    /// The chance ties the bar allows, per posting account: a pair is tied when sharing its clips by chance
    /// is rarer than this divided by the number of posting accounts (the pairs tested grow with its square).
    /// </summary>
    public double ChanceTiesPerAccount { get; init; } = 0.01;

    /// <summary>Clips posted by more accounts than this are memes or trending sounds and tie nobody; it also bounds the pairs one clip yields.</summary>
    public int MaxClipAccounts { get; init; } = 1_000;

    /// <summary>Fewest accounts in a cluster.</summary>
    public int MinAccounts { get; init; } = 5;
}
