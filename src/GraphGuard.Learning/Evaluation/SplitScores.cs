namespace GraphGuard.Learning.Evaluation;

/// <summary>A model's scores on one seed's validation and test rows, in the order of the split's row lists.</summary>
/// <param name="Validation">Scores of <see cref="DataSplit.Validation"/>: what choices may look at.</param>
/// <param name="Test">Scores of <see cref="DataSplit.Test"/>: reported, never chosen on.</param>
public sealed record SplitScores(float[] Validation, float[] Test)
{
    /// <summary>Picks the validation and test rows out of one score per node.</summary>
    public static SplitScores FromNodes(float[] scores, DataSplit split) =>
        new([.. split.Validation.Select(v => scores[v])], [.. split.Test.Select(v => scores[v])]);
}
