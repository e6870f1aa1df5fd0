using System.Globalization;
using System.Numerics;
using GraphGuard.Core.Synthetic;
using GraphGuard.Testing;

namespace GraphGuard.Core.Tests.Synthetic;

/// <summary>What the generator says about content in format v1.1: reviewers' verdicts and reused media.</summary>
public sealed class ContentTruthWorldTests
{
    private static readonly GeneratedWorld World = GeneratedWorld.Generate(new WorldOptions { Accounts = 6_000, Seed = 11 });

    private static Dictionary<string, string> Pattern() =>
        World.Table(WorldStreams.TruthFile).Rows.ToDictionary(r => r[0], r => r[2]);

    [Test]
    public void Verdicts_follow_the_truth_with_a_few_mistakes()
    {
        var pattern = Pattern();
        var author = World.Table(WorldStreams.ContentFile).Rows.ToDictionary(r => r[0], r => r[1]);
        var verdicts = World.Table(WorldStreams.ContentLabelsFile).Rows.Select(r => (Author: author[r[0]], Label: r[1])).ToList();

        var organic = verdicts.Where(v => !pattern.ContainsKey(v.Author)).ToList();
        var ring = verdicts.Where(v => pattern.GetValueOrDefault(v.Author) == "spam_ring").ToList();
        Assert.That(organic, Has.Count.GreaterThan(100));
        Assert.That(ring, Has.Count.GreaterThan(20));
        Assert.That(organic.Count(v => v.Label == "ok") / (double)organic.Count, Is.GreaterThan(0.9), "organic content is mostly fine");
        Assert.That(ring.Count(v => v.Label == "spam") / (double)ring.Count, Is.InRange(0.5, 0.99), "spam rings post spam, but reviewers err and the rings also live normal lives");
        Assert.That(verdicts.Count(v => v.Label == "harassment"), Is.GreaterThan(0), "brigades' comments are judged harassment");
    }

    [Test]
    public void A_campaigns_posts_reuse_its_clips_with_small_edits_while_organic_posts_seldom_collide()
    {
        var pattern = Pattern();
        var posts = World.Table(WorldStreams.ContentFile).Rows.Where(r => r[4].Length > 0)
            .Select(r => (Author: r[1], Hash: ulong.Parse(r[4], NumberStyles.HexNumber, CultureInfo.InvariantCulture))).ToList();
        Assert.That(World.Table(WorldStreams.ContentFile).Rows.Where(r => r[0].StartsWith('m')).All(r => r[4].Length == 0), "comments carry no media");

        var ring = posts.Where(p => pattern.GetValueOrDefault(p.Author) == "spam_ring").ToList();
        int close = ring.Count(p => ring.Any(q => q.Author != p.Author && BitOperations.PopCount(p.Hash ^ q.Hash) <= 8));
        Assert.That(close / (double)ring.Count, Is.GreaterThan(0.9), "ring members post edited copies of the same clips");

        var organic = posts.Where(p => !pattern.ContainsKey(p.Author)).Take(3_000).ToList();
        var exactShare = organic.GroupBy(p => p.Hash).Count(g => g.Count() == 1) / (double)organic.Count;
        Assert.That(exactShare, Is.GreaterThan(0.85), "most organic footage is its own");
    }
}
