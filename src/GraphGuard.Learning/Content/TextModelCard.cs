namespace GraphGuard.Learning.Content;

/// <summary>
/// What a content model is and how it did: the policy it scores, the verdicts it learned from, and on the
/// held-out verdicts (authors it never saw) AUROC, AUPRC and the Brier score of its probabilities.
/// </summary>
public sealed record TextModelCard
{
    public required string Label { get; init; }

    public required string Version { get; init; }

    public required DateTime TrainedAt { get; init; }

    public required int TrainPositives { get; init; }

    public required int TrainNegatives { get; init; }

    public required int HeldOutPositives { get; init; }

    public required int HeldOutNegatives { get; init; }

    public required double Auroc { get; init; }

    public required double Auprc { get; init; }

    /// <summary>Mean squared error of the probabilities on held-out verdicts: lower is better calibrated and sharper.</summary>
    public required double Brier { get; init; }

    public required double TrainSeconds { get; init; }
}
