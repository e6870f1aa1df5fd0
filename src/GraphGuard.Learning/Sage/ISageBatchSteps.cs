namespace GraphGuard.Learning.Sage;

/// <summary>
/// What a GraphSAGE engine does for one mini-batch, given targets and the batch's seed; the loop around it
/// (<see cref="SageTrainingRun"/>: shuffles, batch seeds, pairs and negatives, validation, early stopping) is
/// shared, so engines differ only in how they sample-and-compute a batch and take an optimizer step.
/// </summary>
internal interface ISageBatchSteps : IDisposable
{
    /// <summary>
    /// Supervised: forward over the targets' sampled computation graph (dropout on), weighted logistic loss,
    /// backward, one Adam step. Returns the batch's mean loss.
    /// </summary>
    double SupervisedStep(ReadOnlySpan<int> targets, ReadOnlySpan<bool> labels, float positiveWeight, ulong seed);

    /// <summary>
    /// Link prediction over targets laid out as [anchors | positives | negatives by anchor] (<paramref name="pairs"/>
    /// pairs, <paramref name="negatives"/> each): forward, loss, backward, one Adam step. Returns the mean loss.
    /// </summary>
    double LinkPredictionStep(ReadOnlySpan<int> targets, int pairs, int negatives, ulong seed);

    /// <summary>The logistic head's logit for each node, without dropout and without a step.</summary>
    void Logits(ReadOnlySpan<int> nodes, ulong seed, Span<float> logits);

    /// <summary>The parameters now, as one flat vector in <see cref="SageParameterLayout"/> order.</summary>
    float[] Snapshot();
}
