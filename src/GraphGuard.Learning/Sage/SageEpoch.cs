namespace GraphGuard.Learning.Sage;

/// <summary>What one training epoch did and how long it took.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="Loss">Mean training loss over the epoch's batches (weighted by batch size).</param>
/// <param name="Duration">Time of the training pass alone, without validation.</param>
/// <param name="Batches">Mini-batches (optimizer steps) in the epoch.</param>
/// <param name="TargetNodes">Target nodes whose output the loss read: labeled nodes, or pair and negative nodes.</param>
public sealed record SageEpoch(int Epoch, double Loss, TimeSpan Duration, int Batches, long TargetNodes)
{
    /// <summary>Supervised with validation: weighted logistic loss on the validation nodes.</summary>
    public double? ValidationLoss { get; init; }

    /// <summary>Supervised with validation: area under the ROC curve on the validation nodes.</summary>
    public double? ValidationAuroc { get; init; }
}
