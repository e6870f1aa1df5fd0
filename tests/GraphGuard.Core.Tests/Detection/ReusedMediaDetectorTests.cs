using GraphGuard.Core.Detection;
using GraphGuard.Core.Detection.Media;

namespace GraphGuard.Core.Tests.Detection;

/// <summary>Hand-built worlds for <see cref="ReusedMediaDetector"/>: a ring re-uploading clips, and the organic reuse it must leave alone.</summary>
public sealed class ReusedMediaDetectorTests
{
    /// <summary>A copy of <paramref name="clip"/> with up to <paramref name="maxFlips"/> bits flipped, as re-encoding does.</summary>
    private static ulong Copy(Random random, ulong clip, int maxFlips)
    {
        for (int i = random.Next(maxFlips + 1); i > 0; i--)
        {
            clip ^= 1UL << random.Next(64);
        }
        return clip;
    }

    private static ulong Footage(Random random) => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);

    /// <summary>Accounts posting footage of their own, a few posts each.</summary>
    private static IEnumerable<(int, ulong)> Ordinary(Random random, int first, int count) =>
        from a in Enumerable.Range(first, count) from _ in Enumerable.Range(0, 3) select (a, Footage(random));

    /// <summary>Every one of <paramref name="count"/> accounts posts each of <paramref name="clips"/> once, edited.</summary>
    private static IEnumerable<(int, ulong)> Reposting(Random random, int first, int count, ulong[] clips, int maxFlips = 4) =>
        from a in Enumerable.Range(first, count) from clip in clips select (a, Copy(random, clip, maxFlips));

    [Test]
    public void A_ring_reuploading_its_clips_with_edits_is_one_cluster_with_its_evidence()
    {
        var random = new Random(1);
        ulong[] clips = [Footage(random), Footage(random), Footage(random), Footage(random), Footage(random)];
        ulong[] memes = [Footage(random), Footage(random)];
        using var world = DetectionWorld.WithMedia(300, [
            .. Reposting(random, 0, 8, clips, maxFlips: 2),
            .. Reposting(random, 8, 150, memes),
            .. Ordinary(random, 158, 142)]);

        var result = new ReusedMediaDetector().Detect(world.Input);

        var cluster = result.Clusters.Single();
        Assert.That(cluster.Members, Is.EqualTo(Enumerable.Range(0, 8)));
        var evidence = cluster.Evidence.Single();
        Assert.That(evidence.Kind, Is.EqualTo(EvidenceKind.ReusedMedia));
        Assert.That((evidence["accounts"], evidence["clips"], evidence["copies"]), Is.EqualTo((8.0, 5.0, 40.0)));
        Assert.That(evidence["max_bits"], Is.InRange(1, 4));
        Assert.That(evidence["log10_odds"], Is.GreaterThanOrEqualTo(evidence["threshold_log10"]));
        Assert.That(EvidenceSentence.Render(evidence, node => $"post {node}"), Does.StartWith("8 accounts posted the same 5 clips 40 times with small edits"));
        Assert.That(DetectionWorld.Feature(result, "media_tied_accounts")[0], Is.EqualTo(7));
        Assert.That(DetectionWorld.Feature(result, "media_shared_clips")[0], Is.EqualTo(5));
        Assert.That(DetectionWorld.Feature(result, "media_tied_accounts")[200], Is.Zero);
    }

    [Test]
    public void A_crowd_posting_the_same_popular_memes_is_not_a_cluster()
    {
        var random = new Random(2);
        ulong[] memes = [Footage(random), Footage(random), Footage(random)];
        using var world = DetectionWorld.WithMedia(400, [.. Reposting(random, 0, 300, memes), .. Ordinary(random, 300, 100)]);

        Assert.That(new ReusedMediaDetector().Detect(world.Input).Clusters, Is.Empty);
    }

    [Test]
    public void A_news_wave_sharing_one_clip_is_not_a_cluster()
    {
        var random = new Random(3);
        using var world = DetectionWorld.WithMedia(200, [.. Reposting(random, 0, 60, [Footage(random)]), .. Ordinary(random, 60, 140)]);

        Assert.That(new ReusedMediaDetector().Detect(world.Input).Clusters, Is.Empty, "one shared clip is a news video, whoever posts it");
    }

    [Test]
    public void Different_footage_never_joins_a_clip()
    {
        var random = new Random(4);
        using var world = DetectionWorld.WithMedia(100, [.. Ordinary(random, 0, 100)]);

        var result = new ReusedMediaDetector().Detect(world.Input);

        Assert.That(result.Clusters, Is.Empty);
        Assert.That(DetectionWorld.Feature(result, "media_shared_clips"), Is.All.Zero);
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(8)]
    public void Multi_index_hashing_finds_every_pair_within_the_distance(int maxDistance)
    {
        var random = new Random(maxDistance);
        var hashes = Enumerable.Range(0, 400).Select(_ => Footage(random)).ToList();
        for (int i = 0; i < 200; i++)
        {
            hashes.Add(Copy(random, hashes[random.Next(hashes.Count)], maxDistance));
        }
        var (distinct, clipOf, _, _) = MediaClips.Find([.. hashes], maxDistance);

        // Brute force: every pair within the distance must share a clip.
        for (int x = 0; x < distinct.Length; x++)
        {
            for (int y = x + 1; y < distinct.Length; y++)
            {
                if (System.Numerics.BitOperations.PopCount(distinct[x] ^ distinct[y]) <= maxDistance)
                {
                    Assert.That(clipOf[x], Is.EqualTo(clipOf[y]), $"{distinct[x]:x16} and {distinct[y]:x16}");
                }
            }
        }
    }
}
