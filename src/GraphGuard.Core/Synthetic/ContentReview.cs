namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Which posts and comments reviewers looked at, and what they said (<c>content_labels.csv</c>): a small random
/// sample of everything plus a third of what the upstream classifiers flagged, and 5% of verdicts wrong, as
/// tired reviewers' are. Stateless hashing keeps every other draw of the world unchanged.
/// </summary>
internal static class ContentReview
{
    private const double RandomRate = 0.04;
    private const double FlaggedRate = 0.35;
    private const double ErrorRate = 0.05;

    public static bool TryReview(ulong worldKey, ulong contentKey, ContentTruth truth, double spam, double toxicity, out ContentTruth verdict, out int delaySeconds)
    {
        ulong h = StableHash.Mix(worldKey, 0x5E71E, contentKey);
        bool flagged = spam >= 0.8 || toxicity >= 0.7;
        verdict = truth;
        delaySeconds = 0;
        if (StableHash.Unit(h) >= (flagged ? FlaggedRate : RandomRate))
        {
            return false;
        }

        if (StableHash.Unit(StableHash.Mix(h, 1)) < ErrorRate)
        {
            // A wrong verdict: a violation waved through, or clean content called the likelier violation.
            verdict = truth != ContentTruth.Ok ? ContentTruth.Ok : spam >= toxicity ? ContentTruth.Spam : ContentTruth.Harassment;
        }
        delaySeconds = 600 + (int)(StableHash.Mix(h, 2) % (72 * 3600));
        return true;
    }

    public static ReadOnlySpan<byte> Label(ContentTruth verdict) => verdict switch
    {
        ContentTruth.Spam => "spam"u8,
        ContentTruth.Harassment => "harassment"u8,
        _ => "ok"u8,
    };
}
