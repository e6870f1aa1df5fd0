namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// Accounts posting near-identical text: MinHash with LSH banding over word shingles finds near-duplicate
/// items, authors whose posts are largely the same texts are linked, and each community of linked authors
/// with at least <see cref="NearDuplicateOptions.MinAccounts"/> members is a cluster, scored with the upstream spam
/// signal of its copies. Also emits per-account duplication and content-signal features.
/// </summary>
public sealed class NearDuplicateContentDetector(NearDuplicateOptions? options = null) : IDetector
{
    private const int ExampleCount = 3;

    /// <summary>The in-house content models' signals are named <c>gg_&lt;policy&gt;</c> (Storage's ContentCorpusReader).</summary>
    public const string ModelSignalPrefix = "gg_";

    private readonly NearDuplicateOptions _options = options ?? new NearDuplicateOptions();

    public string Name => "near_duplicate";

    public DetectorResult Detect(DetectionInput input)
    {
        var corpus = input.Content;
        var accountCount = input.Accounts.Count;
        var sets = ShingleSets.Build(corpus, _options);
        var groups = NearDuplicateGroups.Find(sets, _options);
        var authors = NearDuplicateAuthors.Link(sets, groups, corpus.Authors, accountCount, _options);
        var clusters = Clusters(corpus, sets, groups, authors);
        var features = DuplicateFeatures(authors);
        features.AddRange(ContentSignalFeatures.Compute(corpus, accountCount, _options.FlagThreshold));
        return new DetectorResult(clusters, features);
    }

    private List<DetectedCluster> Clusters(ContentCorpus corpus, ShingleSets sets, NearDuplicateGroups groups, NearDuplicateAuthors authors)
    {
        var clusterOfCommunity = new int[authors.CommunitySize.Length];
        var members = new List<List<int>>();
        for (var c = 0; c < clusterOfCommunity.Length; c++)
        {
            clusterOfCommunity[c] = authors.CommunitySize[c] >= _options.MinAccounts ? members.Count : -1;
            if (clusterOfCommunity[c] >= 0)
            {
                members.Add([]);
            }
        }
        var clusterOf = new int[authors.Community.Length];
        for (var a = 0; a < clusterOf.Length; a++)
        {
            clusterOf[a] = authors.Community[a] < 0 ? -1 : clusterOfCommunity[authors.Community[a]];
            if (clusterOf[a] >= 0)
            {
                members[clusterOf[a]].Add(a);
            }
        }
        var copies = members.Select(_ => new ClusterCopies()).ToArray();
        var spam = corpus.Signals.GetValueOrDefault(_options.SpamSignal);
        var modelSpam = corpus.Signals.GetValueOrDefault(ModelSignalPrefix + _options.SpamSignal);
        for (var s = 0; s < sets.Count; s++)
        {
            var item = sets.Items[s];
            var (c, g) = (clusterOf[corpus.Authors[item]], groups.GroupOf[s]);
            if (c >= 0 && g >= 0 && authors.IsSharedGroup[g])
            {
                copies[c].Add(item, g, groups.MinSimilarity[g], spam is null ? float.NaN : spam[item], modelSpam is null ? float.NaN : modelSpam[item]);
            }
        }
        return [.. members
            .Select((m, c) => Cluster(m, copies[c], corpus, authors))
            .OrderByDescending(cluster => cluster.Score)
            .ThenBy(cluster => cluster.Members[0])];
    }

    private DetectedCluster Cluster(List<int> members, ClusterCopies copies, ContentCorpus corpus, NearDuplicateAuthors authors)
    {
        var accounts = members.Count;
        var spamMean = copies.Scored == 0 ? double.NaN : copies.SpamSum / copies.Scored;
        // Size, repetition and sameness multiply: ten accounts posting two copies each at Jaccard 0.9
        // score 0.36 on text alone; the spam signal then moves the score by its share.
        var size = 1 - Math.Exp(-accounts / _options.AccountScale);
        var repetition = 1 - Math.Exp(-copies.Items / (2.0 * accounts));
        var text = size * repetition * copies.MinSimilarity;
        var score = double.IsNaN(spamMean) ? text : ((1 - _options.SpamWeight) * text) + (_options.SpamWeight * spamMean);
        var numbers = new Dictionary<string, double>
        {
            ["accounts"] = accounts,
            ["items"] = copies.Items,
            ["similarity"] = copies.MinSimilarity,
        };
        if (!double.IsNaN(spamMean))
        {
            numbers["spam_mean"] = spamMean;
        }
        if (copies.ModelScored > 0)
        {
            // Our own text classifier's view of the copies, cited beside the upstream one; it does not move the score.
            numbers["model_spam_mean"] = copies.ModelSpamSum / copies.ModelScored;
        }
        var evidence = new Evidence(EvidenceKind.NearDuplicateContent, numbers, [.. copies.Examples(ExampleCount).Select(item => corpus.Nodes[item])]);
        int[] core = [.. members.Where(a => 2 * authors.SharedItems[a] >= authors.EligibleItems[a])];
        return new DetectedCluster(Name, [.. members], core, Math.Clamp(score, 0, 1), [evidence]);
    }

    /// <summary>
    /// <c>dup_group_accounts</c>: accounts in the account's community of copiers (0 if linked to none);
    /// <c>dup_items_share</c>: share of its comparable items that other authors wrote too. NaN without comparable items.
    /// </summary>
    private static List<(string, float[])> DuplicateFeatures(NearDuplicateAuthors authors)
    {
        var n = authors.Community.Length;
        var size = new float[n];
        var share = new float[n];
        for (var a = 0; a < n; a++)
        {
            var eligible = authors.EligibleItems[a];
            size[a] = eligible == 0 ? float.NaN : authors.Community[a] < 0 ? 0 : authors.CommunitySize[authors.Community[a]];
            share[a] = eligible == 0 ? float.NaN : (float)authors.SharedItems[a] / eligible;
        }
        return [("dup_group_accounts", size), ("dup_items_share", share)];
    }
}
