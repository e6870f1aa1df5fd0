using GraphGuard.Core.Detection;
using GraphGuard.Core.Detection.NearDuplicates;
using GraphGuard.Core.Synthetic;

namespace GraphGuard.Core.Tests.Detection;

public sealed class MinHashTests
{
    private static List<uint> Shingles(string text, out int tokens)
    {
        var output = new List<uint>();
        tokens = TextShingler.Shingle(text, 3, [], output);
        return output;
    }

    [Test]
    public void Normalization_ignores_case_punctuation_emoji_amounts_and_link_paths()
    {
        var a = Shingles("Earn $300 a day from HOME, no experience needed https://www.promo.xyz/a1b2 🔥", out var tokens);
        var b = Shingles("earn 450 a day from home no experience needed!! http://promo.xyz/zz9?ref=1", out _);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(tokens, Is.EqualTo(10), "nine words and one host");
        Assert.That(a, Has.Count.EqualTo(12), "the host stands for three shingles");
        Assert.That(a, Is.Ordered.And.Unique);
    }

    [Test]
    public void A_different_landing_domain_weighs_more_than_a_word()
    {
        var a = Shingles("free followers and likes here https://kalomi.xyz/abc", out _);
        var b = Shingles("free followers and likes here https://tordro.top/xyz", out _);
        var c = Shingles("free followers and likes now https://kalomi.xyz/qqq", out _);
        Assert.That(ShingleSets.Jaccard([.. a], [.. b]), Is.EqualTo(5.0 / 11).Within(1e-9));
        Assert.That(ShingleSets.Jaccard([.. a], [.. c]), Is.EqualTo(7.0 / 9).Within(1e-9));
    }

    [TestCase(100, 100, 0)]
    [TestCase(100, 100, 50)]
    [TestCase(200, 200, 150)]
    [TestCase(60, 40, 40)]
    public void Estimated_jaccard_is_close_to_the_exact_one(int sizeA, int sizeB, int common)
    {
        uint[] a = [.. Enumerable.Range(0, sizeA).Select(i => (uint)StableHash.Mix((ulong)i)).Order()];
        uint[] b = [.. Enumerable.Range(sizeA - common, sizeB).Select(i => (uint)StableHash.Mix((ulong)i)).Order()];
        var minHash = new MinHash(400, seed: 7);
        var exact = ShingleSets.Jaccard(a, b);
        var estimate = MinHash.Estimate(minHash.Signature(a), minHash.Signature(b));
        // Four standard errors of a 400-function estimate.
        Assert.That(estimate, Is.EqualTo(exact).Within(4 * Math.Sqrt(exact * (1 - exact) / 400) + 1e-9));
    }

    [Test]
    public void Signatures_are_deterministic_for_a_seed()
    {
        uint[] set = [3, 17, 99, 12345];
        var once = new MinHash(64, 1).Signature(set);
        var again = new MinHash(64, 1).Signature(set);
        Assert.That(again, Is.EqualTo(once));
        Assert.That(new MinHash(64, 2).Signature(set), Is.Not.EqualTo(once));
    }

    [Test]
    public void Banding_finds_planted_near_duplicates_among_random_texts_and_misses_dissimilar_ones()
    {
        var random = new Random(5);
        string Word() => "w" + random.Next(3000);
        string[] Words(int n) => [.. Enumerable.Range(0, n).Select(_ => Word())];
        var texts = new List<string>();
        var families = new List<int[]>();
        for (var f = 0; f < 3; f++)
        {
            var base_ = Words(12);
            var family = new List<int> { texts.Count };
            texts.Add(string.Join(' ', base_));
            for (var v = 0; v < 5; v++)
            {
                var variant = (string[])base_.Clone();
                variant[random.Next(variant.Length)] = Word(); // one word changed: Jaccard 11/13 with the base
                family.Add(texts.Count);
                texts.Add(string.Join(' ', variant));
            }
            families.Add([.. family]);
        }
        var half = Words(12);
        var dissimilar = new[] { texts.Count, texts.Count + 1 };
        texts.Add(string.Join(' ', half));
        texts.Add(string.Join(' ', half[..6].Concat(Words(6)))); // Jaccard 6/18
        for (var i = 0; i < 400; i++)
        {
            texts.Add(string.Join(' ', Words(random.Next(8, 15))));
        }
        var corpus = new ContentCorpus([.. texts.Select((_, i) => i)], [.. texts.Select((_, i) => i)], [.. texts], new Dictionary<string, float[]>());
        var options = new NearDuplicateOptions();
        var sets = ShingleSets.Build(corpus, options);

        var groups = NearDuplicateGroups.Find(sets, options);

        Assert.That(sets.Items, Is.EqualTo(Enumerable.Range(0, texts.Count)), "every text is long enough");
        Assert.That(groups.Count, Is.EqualTo(3));
        foreach (var family in families)
        {
            Assert.That(family.Select(i => groups.GroupOf[i]).Distinct().Single(), Is.Not.EqualTo(-1));
        }
        Assert.That(dissimilar.Select(i => groups.GroupOf[i]), Is.All.EqualTo(-1));
        Assert.That(groups.MinSimilarity, Is.All.GreaterThanOrEqualTo(0.7f));
        Assert.That(NearDuplicateGroups.Find(sets, options).GroupOf, Is.EqualTo(groups.GroupOf), "deterministic");
    }

    [Test]
    public void Disjoint_sets_label_each_set_with_its_smallest_member()
    {
        var sets = new DisjointSets(6);
        Assert.That(sets.Union(4, 2), Is.True);
        Assert.That(sets.Union(2, 5), Is.True);
        Assert.That(sets.Union(5, 4), Is.False);
        Assert.That(Enumerable.Range(0, 6).Select(sets.Find), Is.EqualTo(new[] { 0, 1, 2, 3, 2, 2 }));
        Assert.That(sets.SizesByRoot(), Is.EqualTo(new[] { 1, 1, 3, 1, 0, 0 }));
    }
}
