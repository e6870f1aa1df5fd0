using GraphGuard.Learning.Risk;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests.Risk;

public sealed class NeighborLabelFeaturesTests
{
    [Test]
    public void Neighbours_labels_are_counted_per_relation_and_an_account_never_counts_its_own()
    {
        // 0-1-2 in a path, 0 with a self-loop; 0 abusive, 1 benign, 2 unlabeled, 3 isolated and abusive.
        using var path = TestGraphs.Undirected(4, [(0, 1), (1, 2)]);
        var graph = new SageGraph(4, [new SageRelation("infrastructure", path)]);

        var columns = NeighborLabelFeatures.Compute(graph, [true, false, null, true]).ToDictionary(c => c.Name, c => c.Values);

        Assert.That(columns["abusive_neighbors_infrastructure"], Is.EqualTo(new float[] { 0, 1, 0, 0 }));
        Assert.That(columns["benign_neighbors_infrastructure"], Is.EqualTo(new float[] { 1, 0, 1, 0 }));
        Assert.That(NeighborLabelFeatures.IsLabelDerived("abusive_neighbors_infrastructure"), Is.True);
        Assert.That(NeighborLabelFeatures.IsLabelDerived("infra_cluster_size"), Is.False);
    }
}
