using GraphGuard.Core.Detection;
using GraphGuard.Core.Detection.NearDuplicates;

namespace GraphGuard.Core.Tests.Detection;

public sealed class NearDuplicateContentDetectorTests
{
    private static readonly string[] Verbs = ["earn", "make", "get", "win"];

    /// <summary>A reworded copy of one spam template: the verb, the amount and the link path vary.</summary>
    private static string Spam(Random random, string host) =>
        $"{Verbs[random.Next(4)]} ${random.Next(2, 50) * 10} a day from home, no experience needed https://{host}/{random.Next(100_000):x5}";

    /// <summary>Ordinary posts: random words from a large vocabulary, so no two are alike.</summary>
    private static IEnumerable<(int, string, float)> Ordinary(Random random, int firstAccount, int accounts, int perAccount) =>
        from a in Enumerable.Range(firstAccount, accounts)
        from _ in Enumerable.Range(0, perAccount)
        select (a, string.Join(' ', Enumerable.Range(0, random.Next(6, 14)).Select(_ => "w" + random.Next(5000))), 0.1f);

    private static IEnumerable<(int, string, float)> Ring(Random random, int firstAccount, int accounts, int perAccount, string host, float spam) =>
        from a in Enumerable.Range(firstAccount, accounts)
        from _ in Enumerable.Range(0, perAccount)
        select (a, Spam(random, host), spam);

    private static DetectionWorld World(int accounts, IEnumerable<(int, string, float)> posts) => DetectionWorld.Create(accounts, 0, [], [.. posts]);

    [Test]
    public void A_ring_posting_reworded_spam_is_one_cluster_with_its_evidence()
    {
        var random = new Random(1);
        using var world = World(40, Ring(random, 0, 8, 3, "promo-cash.xyz", 0.9f).Concat(Ordinary(random, 8, 32, 4)));

        var result = new NearDuplicateContentDetector().Detect(world.Input);

        var cluster = result.Clusters.Single();
        Assert.That(cluster.Detector, Is.EqualTo("near_duplicate"));
        Assert.That(cluster.Members, Is.EqualTo(Enumerable.Range(0, 8)));
        Assert.That(cluster.Core, Is.EqualTo(cluster.Members));
        var evidence = cluster.Evidence.Single();
        Assert.That(evidence.Kind, Is.EqualTo(EvidenceKind.NearDuplicateContent));
        Assert.That((evidence["accounts"], evidence["items"]), Is.EqualTo((8.0, 24.0)));
        Assert.That(evidence["similarity"], Is.InRange(0.7, 1.0));
        Assert.That(evidence["spam_mean"], Is.EqualTo(0.9).Within(1e-6));
        Assert.That(evidence.Examples, Has.Count.EqualTo(3).And.All.InRange(world.ContentNode(0), world.ContentNode(23)));
        Assert.That(cluster.Score, Is.InRange(0.3, 1.0));
        Assert.That(EvidenceSentence.Render(evidence, node => $"post {node}"), Does.StartWith("8 accounts posted 24 near-identical texts"));
    }

    [Test]
    public void Clean_copies_score_lower_than_copies_the_classifier_calls_spam()
    {
        using var spam = World(8, Ring(new Random(2), 0, 8, 3, "promo.xyz", 0.9f));
        using var clean = World(8, Ring(new Random(2), 0, 8, 3, "promo.xyz", 0.05f));
        var detector = new NearDuplicateContentDetector();
        Assert.That(detector.Detect(clean.Input).Clusters.Single().Score, Is.LessThan(detector.Detect(spam.Input).Clusters.Single().Score));
    }

    [TestCase(4, 0)]
    [TestCase(5, 1)]
    public void Authors_below_the_minimum_are_not_a_cluster(int authors, int clusters)
    {
        using var world = World(authors, Ring(new Random(3), 0, authors, 3, "promo.xyz", 0.9f));

        var result = new NearDuplicateContentDetector().Detect(world.Input);

        Assert.That(result.Clusters, Has.Count.EqualTo(clusters));
        Assert.That(DetectionWorld.Feature(result, "dup_group_accounts"), Is.All.EqualTo(authors), "the feature still tells the model");
        Assert.That(DetectionWorld.Feature(result, "dup_items_share"), Is.All.EqualTo(1));
    }

    [Test]
    public void One_account_reposting_is_not_a_ring()
    {
        var random = new Random(4);
        using var world = World(10, Ring(random, 0, 1, 30, "promo.xyz", 0.9f).Concat(Ordinary(random, 1, 9, 3)));

        var result = new NearDuplicateContentDetector().Detect(world.Input);

        Assert.That(result.Clusters, Is.Empty);
        Assert.That(DetectionWorld.Feature(result, "dup_items_share")[0], Is.Zero, "its copies are its own");
        Assert.That(DetectionWorld.Feature(result, "dup_group_accounts")[0], Is.Zero);
    }

    [Test]
    public void Short_texts_are_skipped()
    {
        var posts = Enumerable.Range(0, 50).Select(a => (a, "love this so much!! 😍", 0.1f)).ToList();
        posts.Add((0, "an ordinary longer post about my weekend hike", 0.1f));
        using var world = World(50, posts);

        var result = new NearDuplicateContentDetector().Detect(world.Input);

        Assert.That(result.Clusters, Is.Empty);
        var share = DetectionWorld.Feature(result, "dup_items_share");
        Assert.That(share[0], Is.Zero, "one comparable item, copied by no one");
        Assert.That(share.Skip(1), Is.All.NaN, "nothing comparable written");
    }

    [Test]
    public void A_phrase_repeated_by_more_authors_than_the_cap_is_generic()
    {
        var posts = Enumerable.Range(0, 60).Select(i => (i / 2, "thank you so much for sharing this", 0.1f));
        using var world = World(30, posts);

        Assert.That(new NearDuplicateContentDetector().Detect(world.Input).Clusters, Has.Count.EqualTo(1));
        Assert.That(new NearDuplicateContentDetector(new NearDuplicateOptions { MaxGroupAuthors = 29 }).Detect(world.Input).Clusters, Is.Empty);
    }

    [Test]
    public void Two_rings_posting_one_template_to_their_own_domains_stay_apart()
    {
        var random = new Random(6);
        // Each ring also posts one in four links through the same shortener.
        var posts = Ring(random, 0, 6, 6, "kalomi.xyz", 0.5f).Concat(Ring(random, 6, 6, 6, "tordro.top", 0.5f))
            .Select((p, i) => i % 4 == 0 ? (p.Item1, p.Item2.Split(" https://")[0] + " https://bit.ly/" + i, p.Item3) : p);
        using var world = World(12, posts);

        var result = new NearDuplicateContentDetector().Detect(world.Input);

        Assert.That(result.Clusters.Select(c => c.Members).OrderBy(m => m[0]), Is.EqualTo(new[] { Enumerable.Range(0, 6), Enumerable.Range(6, 6) }));
    }

    [Test]
    public void An_account_posting_through_the_shared_shortener_does_not_merge_two_rings()
    {
        var random = new Random(8);
        IEnumerable<(int, string, float)> Posts(int account, string host, int count) =>
            Enumerable.Range(0, count).Select(_ => (account, Spam(random, host), 0.5f));
        var posts = Enumerable.Range(0, 7).SelectMany(a => Posts(a, "kalomi.xyz", 4))
            .Concat(Enumerable.Range(8, 7).SelectMany(a => Posts(a, "tordro.top", 4)))
            // Accounts 7 and 15 post half through bit.ly: linked to each other (3/9) as to their rings (3/7).
            .Concat(Posts(7, "kalomi.xyz", 3)).Concat(Posts(7, "bit.ly", 3))
            .Concat(Posts(15, "tordro.top", 3)).Concat(Posts(15, "bit.ly", 3));
        using var world = World(16, posts);

        var result = new NearDuplicateContentDetector().Detect(world.Input);

        Assert.That(result.Clusters.Select(c => c.Members).OrderBy(m => m[0]), Is.EqualTo(new[] { Enumerable.Range(0, 8), Enumerable.Range(8, 8) }));
        Assert.That(DetectionWorld.Feature(result, "dup_group_accounts"), Is.All.EqualTo(8));
    }

    [TestCase(0.2, new[] { 12 })]
    [TestCase(1.0, new[] { 6, 6 })]
    public void A_ring_whose_halves_favour_different_templates_stays_one_cluster(double maxCutShare, int[] sizes)
    {
        var random = new Random(9);
        string Other(string host) => $"get verified today, only {random.Next(2, 50) * 10} spots left https://{host}/{random.Next(100_000):x5}";
        // Halves post 4 + 2 and 2 + 4 of two templates: 1.0 similar within a half, 0.5 across. Modularity
        // splits the ring in two (Q = 0.125); the halves' links carry 37% of each half's weight.
        var posts = Enumerable.Range(0, 12).SelectMany(a => Enumerable.Range(0, 6)
            .Select(i => (a, (i < 4) == (a < 6) ? Spam(random, "promo.xyz") : Other("promo.xyz"), 0.5f)));
        using var world = World(12, posts);

        var result = new NearDuplicateContentDetector(new NearDuplicateOptions { MaxCutShare = maxCutShare }).Detect(world.Input);

        Assert.That(result.Clusters.Select(c => c.Members.Length), Is.EquivalentTo(sizes));
    }

    [Test]
    public void Content_signals_are_aggregated_per_author_for_every_signal()
    {
        var corpus = new ContentCorpus([3, 4, 5, 6], [0, 0, 1, -1], ["a", "b", "c", "d"], new Dictionary<string, float[]>
        {
            ["spam"] = [0.2f, 0.8f, float.NaN, 1f],
            ["toxicity"] = [0.1f, float.NaN, 0.6f, 1f],
        });

        var features = ContentSignalFeatures.Compute(corpus, 3, 0.5f).ToDictionary(f => f.Name, f => f.Values);

        Assert.That(features.Keys, Is.EqualTo(new[]
        {
            "content_spam_mean", "content_spam_max", "content_spam_flagged_share",
            "content_toxicity_mean", "content_toxicity_max", "content_toxicity_flagged_share",
        }));
        Assert.That(features["content_spam_mean"][0], Is.EqualTo(0.5f).Within(1e-6));
        Assert.That(features["content_spam_max"][0], Is.EqualTo(0.8f));
        Assert.That(features["content_spam_flagged_share"][0], Is.EqualTo(0.5f));
        Assert.That(features["content_spam_mean"][1], Is.NaN, "its one item is unscored");
        Assert.That(features["content_toxicity_flagged_share"][1], Is.EqualTo(1f));
        Assert.That(features["content_toxicity_mean"][2], Is.NaN, "no content");
    }

    [Test]
    public void Detection_is_deterministic()
    {
        var random = new Random(7);
        using var world = World(200, Ring(random, 0, 20, 4, "a.xyz", 0.9f).Concat(Ring(random, 20, 10, 4, "b.xyz", 0.9f)).Concat(Ordinary(random, 30, 170, 5)));
        var detector = new NearDuplicateContentDetector();

        var first = detector.Detect(world.Input);
        var second = detector.Detect(world.Input);

        Assert.That(second.Clusters.Select(c => (c.Members, c.Score)), Is.EqualTo(first.Clusters.Select(c => (c.Members, c.Score))));
        Assert.That(second.Clusters.Select(c => c.Evidence[0].Examples), Is.EqualTo(first.Clusters.Select(c => c.Evidence[0].Examples)));
        Assert.That(second.Features.Select(f => f.Values), Is.EqualTo(first.Features.Select(f => f.Values)));
        Assert.That(first.Clusters, Has.Count.EqualTo(2));
    }

    [Test]
    public void Evidence_cites_our_own_spam_model_beside_the_upstream_one_without_moving_the_score()
    {
        var random = new Random(5);
        using var world = World(40, Ring(random, 0, 8, 3, "promo-cash.xyz", 0.9f).Concat(Ordinary(random, 8, 32, 4)));
        var content = world.Input.Content;
        var signals = new Dictionary<string, float[]>(content.Signals) { ["gg_spam"] = [.. Enumerable.Repeat(0.75f, content.Count)] };
        var input = new DetectionInput
        {
            Graph = world.Input.Graph,
            Accounts = world.Input.Accounts,
            CreatedAt = world.Input.CreatedAt,
            AsOf = world.Input.AsOf,
            Content = new ContentCorpus(content.Nodes, content.Authors, content.Texts, signals),
        };

        var detector = new NearDuplicateContentDetector();
        var cited = detector.Detect(input).Clusters.Single();
        var plain = detector.Detect(world.Input).Clusters.Single();

        Assert.That(cited.Evidence.Single()["model_spam_mean"], Is.EqualTo(0.75).Within(1e-6));
        Assert.That(EvidenceSentence.Render(cited.Evidence.Single(), node => $"post {node}"), Does.Contain("mean spam score 0.9, 0.75 by our own spam model"));
        Assert.That(plain.Evidence.Single().Numbers.ContainsKey("model_spam_mean"), Is.False);
        Assert.That(cited.Score, Is.EqualTo(plain.Score));
    }
}
