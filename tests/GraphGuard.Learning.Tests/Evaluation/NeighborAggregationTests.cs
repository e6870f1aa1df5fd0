using GraphGuard.Core.Features;
using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests.Evaluation;

/// <summary>Aggregates checked by hand on a path 1 - 0 - 2 plus an isolated node 3.</summary>
public sealed class NeighborAggregationTests
{
    private static readonly SageGraph Path = new(4, [new SageRelation("rur", TestGraphs.Undirected(4, [(0, 1), (0, 2)]))]);

    private static readonly FeatureMatrix Features = new(["f0", "f1"], [0, 1, 2, 3], [1, 4, 3, 0, 5, 2, 7, 7]);

    [Test]
    public void Mean_max_and_degree_match_the_hand_computed_values()
    {
        var aggregated = NeighborAggregation.Aggregate(Features, Path, NeighborStatistics.Reference);
        Assert.That(aggregated.Names, Is.EqualTo(new[] { "rur_mean_f0", "rur_mean_f1", "rur_max_f0", "rur_max_f1", "rur_degree" }));
        Assert.That(aggregated.Row(0).ToArray(), Is.EqualTo(new[] { 4f, 1f, 5f, 2f, 2f }));
        Assert.That(aggregated.Row(1).ToArray(), Is.EqualTo(new[] { 1f, 4f, 1f, 4f, 1f }));
        Assert.That(aggregated.Row(2).ToArray(), Is.EqualTo(new[] { 1f, 4f, 1f, 4f, 1f }));
        Assert.That(aggregated.Row(3).ToArray(), Is.EqualTo(new[] { 0f, 0f, 0f, 0f, 0f }), "no neighbours: zeros, as ref_eval.py");
    }

    [Test]
    public void Min_deviation_and_two_hop_mean_match_the_hand_computed_values()
    {
        var statistics = NeighborStatistics.Min | NeighborStatistics.StandardDeviation | NeighborStatistics.TwoHopMean;
        var aggregated = NeighborAggregation.Aggregate(Features, Path, statistics);
        Assert.That(aggregated.Names, Is.EqualTo(new[] { "rur_min_f0", "rur_min_f1", "rur_std_f0", "rur_std_f1", "rur_mean2_f0", "rur_mean2_f1" }));
        // Node 0 sees (3, 0) and (5, 2); its neighbours' own means are (1, 4) each. Nodes 1 and 2 see node 0 alone.
        Assert.That(aggregated.Row(0).ToArray(), Is.EqualTo(new[] { 3f, 0f, 1f, 1f, 1f, 4f }));
        Assert.That(aggregated.Row(1).ToArray(), Is.EqualTo(new[] { 1f, 4f, 0f, 0f, 4f, 1f }));
        Assert.That(aggregated.Row(3).ToArray(), Is.EqualTo(new float[6]));
    }

    [Test]
    public void Difference_from_mean_is_the_own_row_minus_the_neighbour_mean()
    {
        var aggregated = NeighborAggregation.Aggregate(Features, Path, NeighborStatistics.DifferenceFromMean);
        Assert.That(aggregated.Names, Is.EqualTo(new[] { "rur_diff_f0", "rur_diff_f1" }));
        Assert.That(aggregated.Values, Is.EqualTo(new[] { -3f, 3f, 2f, -4f, 4f, -2f, 0f, 0f }));
    }

    [Test]
    public void Every_relation_gets_its_own_block_in_order()
    {
        var reversed = TestGraphs.Undirected(4, [(3, 2)]);
        var graph = new SageGraph(4, [.. Path.Relations, new SageRelation("rtr", reversed)]);
        var aggregated = NeighborAggregation.Aggregate(Features, graph, NeighborStatistics.Degree);
        Assert.That(aggregated.Names, Is.EqualTo(new[] { "rur_degree", "rtr_degree" }));
        Assert.That(aggregated.Values, Is.EqualTo(new[] { 2f, 0f, 1f, 0f, 1f, 1f, 0f, 1f }));
    }
}
