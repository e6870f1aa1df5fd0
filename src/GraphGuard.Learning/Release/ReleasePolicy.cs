namespace GraphGuard.Learning.Release;

/// <summary>When a retrained model (the challenger) may replace the serving one (the champion): the pipeline definition's <c>release</c>.</summary>
public sealed record ReleasePolicy
{
    /// <summary>How much worse than the champion the challenger may measure (AUPRC and precision in the enforcement bands) and still be released.</summary>
    public double Tolerance { get; init; } = 0.02;

    /// <summary>Held-out reviewed labels (of each class) below which the comparison cannot judge, and the challenger is released.</summary>
    public int MinimumLabels { get; init; } = 10;
}
