namespace GraphGuard.Learning.Sage;

/// <summary>
/// Labels for the supervised objective: training nodes with their labels (true = positive, e.g. abusive),
/// and optionally a validation set whose AUROC picks the best epoch and stops training early.
/// </summary>
public sealed record SageSupervision(int[] TrainNodes, bool[] TrainLabels)
{
    /// <summary>Held-out nodes scored after every epoch; none means no early stopping.</summary>
    public int[]? ValidationNodes { get; init; }

    /// <summary>Labels of <see cref="ValidationNodes"/>, in the same order.</summary>
    public bool[]? ValidationLabels { get; init; }

    internal bool HasValidation => ValidationNodes is { Length: > 0 };

    internal void Validate(int nodeCount)
    {
        Check(TrainNodes, TrainLabels, nodeCount, "training");
        if (TrainNodes.Length == 0)
        {
            throw new ArgumentException("no training nodes");
        }
        if ((ValidationNodes is null) != (ValidationLabels is null))
        {
            throw new ArgumentException("validation nodes and labels come together");
        }
        if (ValidationNodes is not null)
        {
            Check(ValidationNodes, ValidationLabels!, nodeCount, "validation");
        }
    }

    private static void Check(int[] nodes, bool[] labels, int nodeCount, string what)
    {
        if (nodes.Length != labels.Length)
        {
            throw new ArgumentException($"{nodes.Length} {what} nodes but {labels.Length} labels");
        }
        foreach (var node in nodes)
        {
            if ((uint)node >= (uint)nodeCount)
            {
                throw new ArgumentException($"{what} node {node} is outside 0..{nodeCount - 1}");
            }
        }
    }
}
