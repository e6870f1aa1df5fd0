using GraphGuard.Core.Detection;
using GraphGuard.Core.Detection.DenseBlocks;

namespace GraphGuard.Core.Tests.Detection;

public sealed class DenseBlockDetectorTests
{
    private const int Accounts = 2000;
    private const int Posts = 3000;

    /// <summary>Every account likes three random posts; posts are nodes Accounts .. Accounts + Posts − 1.</summary>
    private static List<(int, int, string)> Background(Random random)
    {
        var edges = new List<(int, int, string)>();
        for (var a = 0; a < Accounts; a++)
        {
            for (var i = 0; i < 3; i++)
            {
                edges.Add((a, Accounts + random.Next(Posts), "like"));
            }
        }
        return edges;
    }

    /// <summary>Accounts [first, first + rows) each like ~90% of posts [firstPost, firstPost + columns) and follow account <paramref name="customer"/>.</summary>
    private static IEnumerable<(int, int, string)> Block(Random random, int first, int rows, int firstPost, int columns, int customer) =>
        Enumerable.Range(first, rows).SelectMany(a => Enumerable.Range(firstPost, columns)
            .Where(_ => random.NextDouble() < 0.9)
            .Select(p => (a, Accounts + p, "like"))
            .Append((a, customer, "follow")));

    private static DetectionWorld World(IEnumerable<(int, int, string)> edges) => DetectionWorld.Create(Accounts, Posts, edges);

    [Test]
    public void A_planted_block_in_a_sparse_random_graph_is_found_exactly()
    {
        var random = new Random(1);
        using var world = World(Background(random).Concat(Block(random, 100, 30, 500, 20, customer: 1999)));

        var result = new DenseBlockDetector().Detect(world.Input);

        var cluster = result.Clusters.Single();
        Assert.That(cluster.Detector, Is.EqualTo("dense_block"));
        Assert.That(cluster.Members, Is.EqualTo(Enumerable.Range(100, 30)));
        Assert.That(cluster.Core, Is.EqualTo(cluster.Members));
        var evidence = cluster.Evidence.Single();
        Assert.That(evidence.Kind, Is.EqualTo(EvidenceKind.DenseBlock));
        Assert.That((evidence["accounts"], evidence["targets"]), Is.EqualTo((30.0, 21.0)), "20 posts and the customer");
        Assert.That(evidence["edges"], Is.InRange(500, 630));
        Assert.That(evidence["lift"], Is.GreaterThan(2));
        Assert.That(evidence["density"], Is.EqualTo(evidence["lift"] * (evidence["density"] / evidence["lift"])).And.GreaterThan(0));
        Assert.That(evidence.Examples, Has.Count.EqualTo(3).And.Contains(1999), "the customer every member followed is a top target");
        Assert.That(cluster.Score, Is.InRange(0.0, 1.0));
        Assert.That(EvidenceSentence.Render(evidence, n => $"node {n}"), Does.StartWith("30 accounts and 21 targets form a block of"));
        var lift = DetectionWorld.Feature(result, "dense_block_lift");
        Assert.That(lift[100], Is.EqualTo((float)evidence["lift"]));
        Assert.That(DetectionWorld.Feature(result, "dense_block_density")[129], Is.EqualTo((float)evidence["density"]));
        Assert.That(lift.Where((_, a) => a is < 100 or >= 130), Is.All.Zero);
    }

    [Test]
    public void Camouflage_on_popular_posts_does_not_hide_the_block()
    {
        var random = new Random(2);
        var edges = Background(random);
        // Twenty popular posts, each liked by a third of everyone; the block's accounts like half of them too.
        for (var a = 0; a < Accounts; a++)
        {
            var camouflage = a is >= 100 and < 130 ? 0.5 : 0.33;
            edges.AddRange(Enumerable.Range(2900, 20).Where(_ => random.NextDouble() < camouflage).Select(p => (a, Accounts + p, "like")));
        }
        using var world = World(edges.Concat(Block(random, 100, 30, 500, 20, customer: 1999)));

        var cluster = new DenseBlockDetector().Detect(world.Input).Clusters.Single();

        Assert.That(cluster.Members, Is.EqualTo(Enumerable.Range(100, 30)));
    }

    [Test]
    public void Two_planted_blocks_are_found_in_turn()
    {
        var random = new Random(3);
        using var world = World(Background(random).Concat(Block(random, 100, 30, 500, 20, 1999)).Concat(Block(random, 300, 12, 700, 15, 1998)));

        var clusters = new DenseBlockDetector().Detect(world.Input).Clusters;

        Assert.That(clusters.Select(c => c.Members), Is.EqualTo(new[] { Enumerable.Range(100, 30), Enumerable.Range(300, 12) }));
        Assert.That(clusters[0].Evidence[0]["density"], Is.GreaterThan(clusters[1].Evidence[0]["density"]), "the denser block comes first");
    }

    [Test]
    public void A_block_smaller_than_the_minimum_is_no_cluster()
    {
        var random = new Random(4);
        using var world = World(Background(random).Concat(Block(random, 100, 6, 500, 30, 1999)));

        var result = new DenseBlockDetector().Detect(world.Input);

        Assert.That(result.Clusters, Is.Empty);
        Assert.That(DetectionWorld.Feature(result, "dense_block_lift")[100], Is.GreaterThan(2), "the feature still tells the model");
        Assert.That(new DenseBlockDetector(new DenseBlockOptions { MinAccounts = 6 }).Detect(world.Input).Clusters, Has.Count.EqualTo(1));
    }

    [Test]
    public void Random_engagement_and_fans_of_one_viral_post_are_no_block()
    {
        var random = new Random(5);
        var edges = Background(random);
        edges.AddRange(Enumerable.Range(0, 800).Select(a => (a, Accounts + 42, "like")));
        using var world = World(edges);

        Assert.That(new DenseBlockDetector().Detect(world.Input).Clusters, Is.Empty);
    }

    [Test]
    public void Fans_spread_over_one_creators_posts_are_a_crowd_not_a_block()
    {
        var random = new Random(6);
        var edges = Background(random);
        // 400 fans each like 12 of a creator's 60 posts: dense by FRAUDAR's measure, yet a fifth full.
        for (var a = 0; a < 400; a++)
        {
            edges.AddRange(Enumerable.Range(100, 60).OrderBy(_ => random.Next()).Take(12).Select(p => (a, Accounts + p, "like")));
        }
        using var world = World(edges);

        Assert.That(new DenseBlockDetector().Detect(world.Input).Clusters, Is.Empty);
        var unfiltered = new DenseBlockDetector(new DenseBlockOptions { MinFill = 0 }).Detect(world.Input).Clusters;
        Assert.That(unfiltered.Single().Evidence[0]["lift"], Is.GreaterThan(2), "the crowd is dense enough by lift alone");
    }

    [Test]
    public void An_empty_graph_gives_nothing()
    {
        using var world = DetectionWorld.Create(5, 3, [(0, 5, "view"), (1, 6, "view")]);

        var result = new DenseBlockDetector().Detect(world.Input);

        Assert.That(result.Clusters, Is.Empty);
        Assert.That(result.Features.Select(f => f.Name), Is.EqualTo(new[] { "dense_block_density", "dense_block_lift" }));
        Assert.That(result.Features.SelectMany(f => f.Values), Is.All.Zero);
    }
}
