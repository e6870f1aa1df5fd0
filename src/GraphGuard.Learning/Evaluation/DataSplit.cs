using GraphGuard.Core.Synthetic;

namespace GraphGuard.Learning.Evaluation;

/// <summary>Row indices of the training, validation and test sets, each in ascending order.</summary>
/// <param name="Train">Rows to fit on.</param>
/// <param name="Validation">Rows to choose on (early stopping, calibration, model selection).</param>
/// <param name="Test">Rows to report on, never used for a choice.</param>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>
    /// GADBench's protocol: a stratified split, by default 40/20/40, so every part keeps the positive rate.
    /// Each class is shuffled with a seeded generator that does not change with the runtime, then cut; a part's
    /// share of a class is rounded to the nearest row.
    /// </summary>
    public static DataSplit Stratified(
        ReadOnlySpan<bool> labels, int seed, double trainFraction = 0.4, double validationFraction = 0.2)
    {
        if (trainFraction < 0 || validationFraction < 0 || trainFraction + validationFraction > 1)
        {
            throw new ArgumentException(
                $"Fractions {trainFraction} and {validationFraction} must be non-negative and sum to at most 1.");
        }

        var random = new WorldRandom((ulong)seed, stream: 0x5EED_5917);
        List<int> train = [], validation = [], test = [];
        foreach (bool label in (ReadOnlySpan<bool>)[false, true])
        {
            int[] rows = RowsWith(labels, label);
            random.Shuffle(rows);
            int trainCount = Share(rows.Length, trainFraction);
            int validationCount = Math.Min(Share(rows.Length, validationFraction), rows.Length - trainCount);
            train.AddRange(rows.AsSpan(0, trainCount));
            validation.AddRange(rows.AsSpan(trainCount, validationCount));
            test.AddRange(rows.AsSpan(trainCount + validationCount));
        }

        return new DataSplit(Sorted(train), Sorted(validation), Sorted(test));
    }

    private static int[] RowsWith(ReadOnlySpan<bool> labels, bool label)
    {
        var rows = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == label)
            {
                rows.Add(i);
            }
        }

        return [.. rows];
    }

    private static int Share(int count, double fraction) =>
        (int)Math.Round(count * fraction, MidpointRounding.AwayFromZero);

    private static int[] Sorted(List<int> rows)
    {
        rows.Sort();
        return [.. rows];
    }
}
