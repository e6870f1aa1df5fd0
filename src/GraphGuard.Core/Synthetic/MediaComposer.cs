namespace GraphGuard.Core.Synthetic;

/// <summary>
/// The 64-bit perceptual hashes of posts' media. Most posts carry footage of their own; some reuse a meme or a
/// trending sound that thousands of strangers use too (organic reuse that must not be flagged); a campaign's
/// posts re-upload a handful of clips, each copy re-encoded, cropped or watermarked, which flips a few bits.
/// Stateless hashing keeps every other draw of the world unchanged.
/// </summary>
internal static class MediaComposer
{
    private const int Memes = 400;

    public static ulong Organic(ulong worldKey, ulong contentKey)
    {
        ulong h = StableHash.Mix(worldKey, 0x3ED1A, contentKey);
        if (StableHash.Unit(h) >= 0.06)
        {
            return StableHash.Mix(h, 1);
        }

        // Popularity falls off like Zipf's law: rank = Memes^u - 1 puts most reuse on the first few memes.
        int meme = (int)Math.Pow(Memes, StableHash.Unit(StableHash.Mix(h, 2))) - 1;
        return Edit(StableHash.Mix(worldKey, 0x3E3E, (ulong)meme), h, maxFlips: 6);
    }

    /// <summary>One of the campaign's <paramref name="clips"/> clips, as edited for this post.</summary>
    public static ulong CampaignCopy(ulong campaignKey, int clips, ulong contentKey)
    {
        ulong h = StableHash.Mix(campaignKey, 0x3EC1, contentKey);
        int clip = (int)(StableHash.Mix(h, 3) % (ulong)clips);
        return Edit(StableHash.Mix(campaignKey, 0xC11, (ulong)clip), h, maxFlips: 4);
    }

    /// <summary>Flips 0 to <paramref name="maxFlips"/> bits: what re-encoding or a watermark does to a perceptual hash.</summary>
    private static ulong Edit(ulong basis, ulong h, int maxFlips)
    {
        int flips = (int)(StableHash.Mix(h, 4) % (ulong)(maxFlips + 1));
        for (int i = 0; i < flips; i++)
        {
            basis ^= 1UL << (int)(StableHash.Mix(h, 5, (ulong)i) % 64);
        }
        return basis;
    }
}
