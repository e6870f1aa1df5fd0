using GraphGuard.Core.Features;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// GADBench's setting: one graph (any number of relations over nodes 0..n-1), a feature row and a binary label
/// per node (true = anomalous, e.g. fraud). Row i of <see cref="Features"/> is node i.
/// </summary>
public sealed class LabeledGraph
{
    /// <exception cref="ArgumentException">The parts disagree on the number of nodes.</exception>
    public LabeledGraph(SageGraph graph, FeatureMatrix features, bool[] labels)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.RowCount != graph.NodeCount || labels.Length != graph.NodeCount)
        {
            throw new ArgumentException($"{graph.NodeCount} nodes, {features.RowCount} feature rows and {labels.Length} labels do not match");
        }
        Graph = graph;
        Features = features;
        Labels = labels;
    }

    public SageGraph Graph { get; }

    public FeatureMatrix Features { get; }

    public bool[] Labels { get; }

    public int NodeCount => Graph.NodeCount;

    public int Positives => Labels.AsSpan().Count(true);
}
