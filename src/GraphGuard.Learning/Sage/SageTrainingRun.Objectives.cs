using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

internal sealed partial class SageTrainingRun
{
    /// <summary>Seed of the validation batches: the same every epoch, so epochs are compared on the same samples.</summary>
    private const ulong ValidationStream = 0x7A11D;

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
                var random = new SageRandom(SplitMix.Combine(seed, (ulong)i));
                var anchor = _order[start + i];
                targets[i] = anchor;
                targets[pairs + i] = RandomNeighbor(anchor, ref random);
                for (var k = 0; k < negatives; k++)
                {
                    targets[(2 * pairs) + (i * negatives) + k] = random.Next(_graph.NodeCount);
                }
            }
            BeginStep();
            _sampler.Sample(targets, seed, _batch);
            var embeddings = _network.Forward(_batch, _features, training: true, seed);
            var (z, gradient) = ToHost(embeddings);
            var length = (int)embeddings.Length;
            loss += pairs * LinkPredictionLoss.Evaluate(z.AsSpan(0, length), embeddings.Columns, _batch.TargetRows, pairs, negatives, gradient.AsSpan(0, length));
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
        return (loss / nodes.Length, Auroc.Compute(scores, labels));
    }

    /// <summary>Samples, runs forward and the head; returns the logits on the host (one per target-level row).</summary>
    private (float[] Logits, float[] Gradient) Logits(ReadOnlySpan<int> targets, ulong seed, bool training)
    {
        _sampler.Sample(targets, seed, _batch);
        var embeddings = _network.Forward(_batch, _features, training, seed);
        return ToHost(_network.Classify(embeddings));
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
