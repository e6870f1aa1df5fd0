using GraphGuard.Core.Detection;

namespace GraphGuard.Core.Tests.Detection;

public sealed class ClusterMergerTests
{
    private static DetectedCluster Cluster(string detector, double score, params int[] members) => new(detector, members, members, score, []);

    [Test]
    public void Overlapping_clusters_merge_and_disjoint_ones_stay_apart()
    {
        var merged = ClusterMerger.Merge(
        [
            Cluster("lockstep", 0.6, 1, 2, 3, 4),
            Cluster("shared_infrastructure", 0.5, 3, 4, 5, 6),
            Cluster("creation_burst", 0.9, 10, 11, 12),
        ], minOverlap: 0.5);

        Assert.That(merged.Select(m => m.Members), Is.EqualTo(new[] { new[] { 1, 2, 3, 4, 5, 6 }, new[] { 10, 11, 12 } }));
        Assert.That(ClusterMerger.CombinedScore(merged[0].Sources), Is.EqualTo(1 - (0.4 * 0.5)).Within(1e-12));
    }

    [Test]
    public void A_small_overlap_does_not_merge()
    {
        var merged = ClusterMerger.Merge([Cluster("a", 0.5, 1, 2, 3, 4), Cluster("b", 0.5, 4, 5, 6, 7)], minOverlap: 0.5);
        Assert.That(merged, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_detector_counts_once_with_its_best_score()
    {
        Assert.That(ClusterMerger.CombinedScore([Cluster("a", 0.5, 1), Cluster("a", 0.7, 2)]), Is.EqualTo(0.7).Within(1e-12));
    }
}
