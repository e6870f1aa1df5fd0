namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>Settings for <see cref="NearDuplicateContentDetector"/>; the defaults are what the synthetic worlds were checked with.</summary>
public sealed record NearDuplicateOptions
{
    /// <summary>
    /// Texts with fewer distinct tokens than this (a link counts as one) are skipped: "love this" by a
    /// thousand fans is a phrase, not a copy. Five keeps every spam template and drops stock reactions.
    /// </summary>
    public int MinTokens { get; init; } = 5;

    /// <summary>
    /// How many shingles a link's host stands for. A ring shares its landing domain while it rewords the
    /// words around it, so the host must outweigh any one word: with 3, two rings posting the same template
    /// to different domains stay near 0.5 similar while one ring's rewordings stay above 0.75.
    /// </summary>
    public int HostWeight { get; init; } = 3;

    /// <summary>LSH bands b. With <see cref="RowsPerBand"/> r, pairs become candidates with probability
    /// 1 − (1 − J^r)^b: 20 × 5 puts the S-curve's midpoint (1/b)^(1/r) at 0.55 and finds a pair at
    /// Jaccard 0.7 with probability 0.975, at 0.8 with 0.999.</summary>
    public int Bands { get; init; } = 20;

    /// <summary>MinHash values per band r; <see cref="Bands"/> × r hash functions in all.</summary>
    public int RowsPerBand { get; init; } = 5;

    /// <summary>Jaccard similarity of shingle sets at which two texts are near-duplicates.</summary>
    public double Threshold { get; init; } = 0.7;

    /// <summary>
    /// Within one LSH bucket an item is checked against at most this many earlier items that matched no
    /// one before them; a bucket of one text's copies needs a single check per copy, and a bucket that
    /// mixes texts cannot cost more than this many checks per item.
    /// </summary>
    public int MaxLeadersPerBucket { get; init; } = 4;

    /// <summary>
    /// A near-duplicate group written by more accounts than this is a generic phrase (a meme, a greeting)
    /// and links nobody; it also bounds the account pairs a group yields.
    /// </summary>
    public int MaxGroupAuthors { get; init; } = 1000;

    /// <summary>
    /// Two authors are linked when the weighted Jaccard of their eligible items over near-duplicate groups
    /// (Σ min shared / items of either) reaches this: members of one ring share most of what they post
    /// (in the synthetic worlds every ring member has a ring mate at 0.44 or more, half at 0.83); two rings
    /// that happen to share templates and a URL shortener share a small part, up to 0.42 for members who
    /// post mostly through the shortener, and the community split (<see cref="MaxCutShare"/>) parts those.
    /// </summary>
    public double MinAuthorSimilarity { get; init; } = 0.3;

    /// <summary>
    /// Linked authors are split into Louvain communities, and a community whose links leaving it carry at
    /// least this share of its link weight merges into its strongest neighbour: a ring split by which
    /// template its members favour leaves a third or more of each half's weight outside it, a ring that
    /// meets another through a shared URL shortener a few percent.
    /// </summary>
    public double MaxCutShare { get; init; } = 0.2;

    /// <summary>
    /// Fewest items an author must share with other authors to be linked at all. Rings post the same text
    /// again and again; among a million accounts, ordinary short posts coincide with a stranger's now and
    /// then, once per author (at 1M accounts, 440 such authors formed clusters of 6 to 13 with one copy each).
    /// </summary>
    public int MinCopies { get; init; } = 2;

    /// <summary>Fewest distinct authors for a cluster: one person reposting, or a couple, is not a ring.</summary>
    public int MinAccounts { get; init; } = 5;

    /// <summary>Accounts at which the size part of the score reaches 1 − 1/e.</summary>
    public double AccountScale { get; init; } = 10;

    /// <summary>Share of the score given to the mean <see cref="SpamSignal"/> score of the cluster's copies.</summary>
    public double SpamWeight { get; init; } = 0.3;

    /// <summary>The upstream content signal that says spam.</summary>
    public string SpamSignal { get; init; } = "spam";

    /// <summary>A signal score at or above this counts the item as flagged in the <c>_flagged_share</c> features.</summary>
    public float FlagThreshold { get; init; } = 0.5f;

    /// <summary>Seeds the MinHash functions; fixed so runs are reproducible.</summary>
    public ulong Seed { get; init; } = 0x6E64_7570;
}
