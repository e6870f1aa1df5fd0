using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

internal sealed partial class SageTrainingRun
{
    /// <summary>Seed of the validation batches: the same every epoch, so epochs are compared on the same samples.</summary>
    private const ulong ValidationStream = 0x7A11D;

    // Independent random streams of one batch, each derived from the batch seed.
    private const ulong SamplingStream = 1;
    private const ulong DropoutStream = 2;
    private const ulong PairStream = 3;

    /// <summary>One pass over the labeled nodes in shuffled mini-batches.</summary>
    private (double Loss, int Batches, long Targets) SupervisedEpoch(int epoch, CancellationToken cancellationToken)
    {
        var supervision = _supervision!;
        new SageRandom(SplitMix.Combine(_options.Seed, (ulong)epoch)).Shuffle(_order);
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
            var seed = BatchSeed(epoch, batches);
            BeginStep();
            var (logits, gradient) = Logits(targets, seed, training: true);
            loss += count * LogisticLoss.Evaluate(logits, _batch.TargetRows, _labels.AsSpan(0, count), _positiveWeight, gradient.AsSpan(0, _batch.TargetLevelSize));
            Learn(gradient.AsSpan(0, _batch.TargetLevelSize), throughClassifier: true);
        }
        return (loss / Math.Max(1, _order.Length), batches, _order.Length);
    }

    /// <summary>
    /// One pass with every node that has an edge as an anchor once: it is paired with one neighbour drawn
    /// uniformly over all its relations' edges, plus uniformly drawn negatives.
    /// </summary>
    private (double Loss, int Batches, long Targets) LinkPredictionEpoch(int epoch, CancellationToken cancellationToken)
    {
        new SageRandom(SplitMix.Combine(_options.Seed, (ulong)epoch)).Shuffle(_order);
        var negatives = _options.NegativeSamples;
        double loss = 0;
        var batches = 0;
        long touched = 0;
        for (var start = 0; start < _order.Length; start += _options.BatchSize, batches++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pairs = Math.Min(_options.BatchSize, _order.Length - start);
            var targets = Targets(pairs * (2 + negatives));
            var seed = BatchSeed(epoch, batches);
            for (var i = 0; i < pairs; i++)
            {
                var random = new SageRandom(SplitMix.Combine(SplitMix.Combine(seed, PairStream), (ulong)i));
                var anchor = _order[start + i];
                targets[i] = anchor;
                targets[pairs + i] = RandomNeighbor(anchor, ref random);
                for (var k = 0; k < negatives; k++)
                {
                    targets[(2 * pairs) + (i * negatives) + k] = random.Next(_graph.NodeCount);
                }
            }
            BeginStep();
            var (z, gradient) = ToHost(Embeddings(targets, seed, training: true));
            var length = _batch.TargetLevelSize * _architecture.EmbeddingDimension;
            loss += pairs * LinkPredictionLoss.Evaluate(z.AsSpan(0, length), _architecture.EmbeddingDimension, _batch.TargetRows, pairs, negatives, gradient.AsSpan(0, length));
            Learn(gradient.AsSpan(0, length), throughClassifier: false);
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
        double loss = 0;
        for (var start = 0; start < nodes.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(_options.BatchSize, nodes.Length - start);
            var (logits, gradient) = Logits(nodes.AsSpan(start, count), SplitMix.Combine(_options.Seed ^ ValidationStream, (ulong)start), training: false);
            var rows = _batch.TargetRows;
            for (var i = 0; i < count; i++)
            {
                scores[start + i] = logits[rows[i]];
            }
            loss += count * LogisticLoss.Evaluate(logits, rows, labels.AsSpan(start, count), _positiveWeight, gradient.AsSpan(0, _batch.TargetLevelSize));
        }
        return (loss / nodes.Length, AurocOrNaN(scores, labels));
    }

    /// <summary>AUROC, or NaN when the validation nodes hold one class only (the loss then picks the epoch).</summary>
    private static double AurocOrNaN(float[] scores, bool[] labels)
    {
        var positives = labels.AsSpan().Count(true);
        return positives == 0 || positives == labels.Length ? double.NaN : BinaryMetrics.Auroc(scores, labels);
    }

    /// <summary>Runs forward and the head; returns the logits on the host (one per target-level row).</summary>
    private (float[] Logits, float[] Gradient) Logits(ReadOnlySpan<int> targets, ulong seed, bool training) =>
        ToHost(_network.Classify(Embeddings(targets, seed, training)));

    /// <summary>Samples the batch's computation graph and runs the layers, each on its own stream of the batch seed.</summary>
    private MatrixView Embeddings(ReadOnlySpan<int> targets, ulong seed, bool training)
    {
        _sampler.Sample(targets, SplitMix.Combine(seed, SamplingStream), _batch);
        return _network.Forward(_batch, _features, training, SplitMix.Combine(seed, DropoutStream));
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
