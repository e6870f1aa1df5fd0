using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests.Sage;

/// <summary>
/// Labels are 1 for the quarter of nodes whose "signal" neighbours have the highest mean first feature; a
/// node's own features say nothing, and a second "noise" relation is unrelated to the labels.
/// </summary>
internal sealed record NeighbourLabelProblem(SageGraph Graph, float[] Features, SageSupervision Supervision, int[] TestNodes, bool[] TestLabels)
{
    public static NeighbourLabelProblem Create(int nodes, int seed)
    {
        const int Width = 4;
        var signal = TestGraphs.Random(nodes, 8.0 / nodes, seed);
        var noise = TestGraphs.Random(nodes, 8.0 / nodes, seed + 1);
        var graph = new SageGraph(nodes, [new SageRelation("signal", signal), new SageRelation("noise", noise)]);
        var features = TestGraphs.Gaussian(nodes, Width, seed + 2);
        var score = new double[nodes];
        for (var v = 0; v < nodes; v++)
        {
            var neighbours = signal.Neighbors(v);
            foreach (var u in neighbours)
            {
                score[v] += features[u * Width] / neighbours.Length;
            }
        }
        var threshold = score.Order().ElementAt(nodes * 3 / 4);
        var labels = score.Select(s => s >= threshold).ToArray();
        var order = Enumerable.Range(0, nodes).OrderBy(v => new Random(seed + v).Next()).ToArray();
        var (train, validation, test) = (order[..(nodes * 6 / 10)], order[(nodes * 6 / 10)..(nodes * 8 / 10)], order[(nodes * 8 / 10)..]);
        var supervision = new SageSupervision(train, [.. train.Select(v => labels[v])])
        {
            ValidationNodes = validation,
            ValidationLabels = [.. validation.Select(v => labels[v])],
        };
        return new NeighbourLabelProblem(graph, features, supervision, test, [.. test.Select(v => labels[v])]);
    }

    public double TestAuroc(float[] probabilities) => BinaryMetrics.Auroc([.. TestNodes.Select(v => probabilities[v])], TestLabels);
}
