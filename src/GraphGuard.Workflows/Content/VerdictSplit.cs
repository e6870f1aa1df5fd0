using GraphGuard.Storage.Content;

namespace GraphGuard.Workflows.Content;

/// <summary>
/// Reviewed content split for a content model: a fifth of the authors held out by a hash of their id, so no
/// author's posts are on both sides (a campaign's template seen in training would flatter the test).
/// </summary>
public sealed record VerdictSplit(IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> HeldOut)
{
    /// <summary>The verdict that says nothing was wrong.</summary>
    public const string Clean = Core.Interchange.ContentLabelRowParser.Clean;

    public static VerdictSplit Of(IReadOnlyList<LabeledText> verdicts)
    {
        var train = new List<LabeledText>();
        var heldOut = new List<LabeledText>();
        foreach (var verdict in verdicts)
        {
            (IsHeldOut(verdict.AuthorId) ? heldOut : train).Add(verdict);
        }
        return new VerdictSplit(train, heldOut);
    }

    /// <summary>The policies with enough positives on both sides to learn and to measure.</summary>
    public IReadOnlyList<string> Labels(int minimumPositives) =>
        [.. Train.Concat(HeldOut).Select(v => v.Label).Where(l => l != Clean).Distinct().Order(StringComparer.Ordinal)
            .Where(l => Train.Count(v => v.Label == l) >= minimumPositives && HeldOut.Count(v => v.Label == l) >= 1)];

    /// <summary>Texts and whether each breaks <paramref name="label"/> (any other verdict is a negative).</summary>
    public static (string[] Texts, bool[] Positive) For(IReadOnlyList<LabeledText> side, string label) =>
        ([.. side.Select(v => v.Text)], [.. side.Select(v => v.Label == label)]);

    // SplitMix64's finalizer: the held-out authors are the same on every machine and run.
    private static bool IsHeldOut(int authorId)
    {
        ulong x = (ulong)authorId + 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return ((x ^ (x >> 31)) % 5) == 0;
    }
}
