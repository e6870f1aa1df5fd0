using GraphGuard.Core.Detection.Surprise;

namespace GraphGuard.Core.Detection.Media;

/// <summary>
/// Accounts that post the same clips, re-encoded, cropped or watermarked. Near-identical perceptual hashes
/// are grouped into clips (<see cref="MediaClips"/>); two accounts are tied when the distinct clips they both
/// posted are too many for chance. The null: each account's clips are drawn independently with each clip's
/// popularity, so a pair expects λ = (m_a·S_b + m_b·S_a) / 2M shared clips (m: an account's clips, S: the
/// other posters of its clips summed, M: all account–clip pairs); a pair is tied when P(X ≥ shared) under
/// Poisson(λ) is rarer than the chance-tie bar. Sharing two memes is common; sharing three rare clips is not.
/// Groups of tied accounts are clusters. Also emits <c>media_shared_clips</c> and <c>media_tied_accounts</c>.
/// </summary>
public sealed class ReusedMediaDetector(ReusedMediaOptions? options = null) : IDetector
{
    private const int ExampleCount = 3;

    private readonly ReusedMediaOptions _options = options ?? new ReusedMediaOptions();

    public string Name => "reused_media";

    public DetectorResult Detect(DetectionInput input)
    {
        var corpus = input.Content;
        int n = input.Accounts.Count;
        var shared = new float[n];
        var tied = new float[n];
        Array.Fill(shared, float.NaN);
        Array.Fill(tied, float.NaN);
        var clusters = new List<DetectedCluster>();
        if (corpus.Media.Items.Length > 0)
        {
            clusters = Find(corpus, n, shared, tied);
        }
        return new DetectorResult(clusters, [("media_shared_clips", shared), ("media_tied_accounts", tied)]);
    }

    private List<DetectedCluster> Find(ContentCorpus corpus, int n, float[] sharedFeature, float[] tiedFeature)
    {
        var media = corpus.Media;
        var (distinct, clipOfHash, clipCount, maxBits) = MediaClips.Find(media.Hashes, _options.MaxDistance);
        var clipOfItem = new int[media.Items.Length];
        var memberships = new HashSet<(int Account, int Clip)>();
        for (int i = 0; i < media.Items.Length; i++)
        {
            clipOfItem[i] = clipOfHash[Array.BinarySearch(distinct, media.Hashes[i])];
            int author = corpus.Authors[media.Items[i]];
            if (author >= 0)
            {
                memberships.Add((author, clipOfItem[i]));
                sharedFeature[author] = 0;
                tiedFeature[author] = 0;
            }
        }

        // Clip → posting accounts and account → clips, both sorted (CSR-like lists).
        var accountsOf = Lists(clipCount, memberships.Select(m => (m.Clip, m.Account)));
        var clipsOf = Lists(n, memberships.Select(m => (m.Account, m.Clip)));
        double total = memberships.Count;
        var others = new double[n];
        int posters = 0;
        for (int a = 0; a < n; a++)
        {
            posters += clipsOf[a].Length > 0 ? 1 : 0;
            foreach (int clip in clipsOf[a])
            {
                others[a] += accountsOf[clip].Length - 1;
                sharedFeature[a] += accountsOf[clip].Length >= 2 ? 1 : 0;
            }
        }
        double bar = Math.Log(Math.Max(2, posters) / _options.ChanceTiesPerAccount);

        // Co-posted clips per pair, counted per account into a scratch row (memory linear in accounts).
        var count = new int[n];
        var touched = new List<int>();
        var sets = new DisjointSets(n);
        var degree = new int[n];
        var surprises = new List<(int A, int B, double Surprise)>();
        for (int a = 0; a < n; a++)
        {
            foreach (int clip in clipsOf[a])
            {
                var posted = accountsOf[clip];
                if (posted.Length > _options.MaxClipAccounts)
                {
                    continue;
                }
                foreach (int b in posted)
                {
                    if (b > a && count[b]++ == 0)
                    {
                        touched.Add(b);
                    }
                }
            }
            foreach (int b in touched)
            {
                if (count[b] >= _options.MinSharedClips)
                {
                    double lambda = ((clipsOf[a].Length * others[b]) + (clipsOf[b].Length * others[a])) / (2 * total);
                    double surprise = PoissonTail.Surprise(count[b], lambda);
                    if (surprise >= bar)
                    {
                        sets.Union(a, b);
                        degree[a]++;
                        degree[b]++;
                        surprises.Add((a, b, surprise));
                    }
                }
                count[b] = 0;
            }
            touched.Clear();
        }
        for (int a = 0; a < n; a++)
        {
            tiedFeature[a] = clipsOf[a].Length == 0 ? float.NaN : degree[a];
        }

        var groups = sets.Groups(Enumerable.Range(0, n).Where(a => degree[a] > 0), _options.MinAccounts);
        return [.. groups.Select(members => Cluster(members, corpus, clipOfItem, accountsOf, maxBits, degree, surprises, bar))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Members[0])];
    }

    private DetectedCluster Cluster(int[] members, ContentCorpus corpus, int[] clipOfItem, int[][] accountsOf, int[] maxBits, int[] degree,
        List<(int A, int B, double Surprise)> surprises, double bar)
    {
        var inCluster = members.ToHashSet();
        var media = corpus.Media;
        // The clips two or more members posted, and the members' copies of them.
        var clips = new HashSet<int>();
        for (int clip = 0; clip < accountsOf.Length; clip++)
        {
            if (accountsOf[clip].Length <= _options.MaxClipAccounts && accountsOf[clip].Count(inCluster.Contains) >= 2)
            {
                clips.Add(clip);
            }
        }
        var copies = new List<int>();
        for (int i = 0; i < media.Items.Length; i++)
        {
            int author = corpus.Authors[media.Items[i]];
            if (author >= 0 && inCluster.Contains(author) && clips.Contains(clipOfItem[i]))
            {
                copies.Add(media.Items[i]);
            }
        }
        var tieSurprise = surprises.Where(t => inCluster.Contains(t.A)).Select(t => t.Surprise).Order().ToArray();
        double median = tieSurprise.Length == 0 ? bar : tieSurprise[tieSurprise.Length / 2];
        // Every tie already beat the bar: the size says how big a coordinated act it is.
        double score = 1 - Math.Exp(-members.Length / 5.0);
        var evidence = new Evidence(EvidenceKind.ReusedMedia, new Dictionary<string, double>
        {
            ["accounts"] = members.Length,
            ["clips"] = clips.Count,
            ["copies"] = copies.Count,
            ["max_bits"] = clips.Count == 0 ? 0 : clips.Max(c => maxBits[c]),
            ["log10_odds"] = median / Math.Log(10),
            ["threshold_log10"] = bar / Math.Log(10),
        }, [.. copies.Take(ExampleCount).Select(item => corpus.Nodes[item])]);
        int[] core = [.. members.Where(a => degree[a] >= 2)];
        return new DetectedCluster(Name, members, core, score, [evidence]);
    }

    private static int[][] Lists(int count, IEnumerable<(int Key, int Value)> pairs)
    {
        var lists = new List<int>[count];
        foreach (var (key, value) in pairs)
        {
            (lists[key] ??= []).Add(value);
        }
        return [.. lists.Select(l => l is null ? [] : l.Order().ToArray())];
    }
}
