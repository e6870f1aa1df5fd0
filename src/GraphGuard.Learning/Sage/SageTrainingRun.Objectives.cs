using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

internal sealed partial class SageTrainingRun
{
    /// <summary>One pass over the labeled nodes in shuffled mini-batches.</summary>
    private (double Loss, int Batches, long Targets) SupervisedEpoch(int epoch, CancellationToken cancellationToken)
    {
        var supervision = _supervision!;
        new SageRandom(SageStreams.Epoch(_options.Seed, epoch)).Shuffle(_order);
        double loss = 0;
        var batches = 0;
        for (var start = 0; start < _order.Length; start += _options.BatchSize, batches++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_options.BatchSize, _order.Length - start);
            var targets = Targets(count);
            for (var i = 0; i < count; i++)
            {
                targets[i] = supervision.TrainNodes[_order[start + i]];
                _labels[i] = supervision.TrainLabels[_order[start + i]];
            }
            loss += count * _steps.SupervisedStep(targets, _labels.AsSpan(0, count), _positiveWeight, SageStreams.Batch(_options.Seed, epoch, batches));
        }
        return (loss / Math.Max(1, _order.Length), batches, _order.Length);
    }

    /// <summary>
    /// One pass with every node that has an edge as an anchor once: it is paired with one neighbour drawn
    /// uniformly over all its relations' edges, plus uniformly drawn negatives.
    /// </summary>
    private (double Loss, int Batches, long Targets) LinkPredictionEpoch(int epoch, CancellationToken cancellationToken)
    {
        new SageRandom(SageStreams.Epoch(_options.Seed, epoch)).Shuffle(_order);
        var negatives = _options.NegativeSamples;
        double loss = 0;
        var batches = 0;
        long touched = 0;
        for (var start = 0; start < _order.Length; start += _options.BatchSize, batches++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pairs = Math.Min(_options.BatchSize, _order.Length - start);
            var targets = Targets(pairs * (2 + negatives));
            var seed = SageStreams.Batch(_options.Seed, epoch, batches);
            for (var i = 0; i < pairs; i++)
            {
                var random = new SageRandom(SplitMix.Combine(SplitMix.Combine(seed, SageStreams.Pairs), (ulong)i));
                var anchor = _order[start + i];
                targets[i] = anchor;
                targets[pairs + i] = RandomNeighbor(anchor, ref random);
                for (var k = 0; k < negatives; k++)
                {
                    targets[(2 * pairs) + (i * negatives) + k] = random.Next(_graph.NodeCount);
                }
            }
            loss += pairs * _steps.LinkPredictionStep(targets, pairs, negatives, seed);
            touched += targets.Length;
        }
        return (loss / Math.Max(1, _order.Length), batches, touched);
    }

    /// <summary>Weighted logistic loss and AUROC on the validation nodes, without dropout.</summary>
    private (double Loss, double Auroc) Validate(SageSupervision supervision, CancellationToken cancellationToken)
    {
        var nodes = supervision.ValidationNodes!;
        var labels = supervision.ValidationLabels!;
        var scores = new float[nodes.Length];
        for (var start = 0; start < nodes.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_options.BatchSize, nodes.Length - start);
            _steps.Logits(nodes.AsSpan(start, count), SageStreams.ValidationBatch(_options.Seed, start), scores.AsSpan(start, count));
        }
        int[] positions = [.. Enumerable.Range(0, nodes.Length)];
        var loss = LogisticLoss.Evaluate(scores, positions, labels, _positiveWeight, new float[nodes.Length]);
        return (loss, AurocOrNaN(scores, labels));
    }

    /// <summary>AUROC, or NaN when the validation nodes hold one class only (the loss then picks the epoch).</summary>
    private static double AurocOrNaN(float[] scores, bool[] labels)
    {
        var positives = labels.AsSpan().Count(true);
        return positives == 0 || positives == labels.Length ? double.NaN : BinaryMetrics.Auroc(scores, labels);
    }

    private int RandomNeighbor(int node, ref SageRandom random)
    {
        var pick = random.NextLong(_graph.TotalDegree(node));
        foreach (var relation in _graph.Relations)
        {
            var neighbors = relation.Graph.Neighbors(node);
            if (pick < neighbors.Length)
            {
                return neighbors[(int)pick];
            }
            pick -= neighbors.Length;
        }
        throw new InvalidOperationException($"node {node} has no edge to draw");
    }
}
