using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Tests.Xgboost;

/// <summary>A small labeled dense matrix for XGBoost tests, generated from a seed.</summary>
internal sealed record SyntheticProblem(float[] Values, float[] Labels, int Rows, int Columns)
{
    /// <summary>
    /// Label = 1 when <c>x0 + x1 &gt; 0</c>; the other columns are noise. With <paramref name="flipRate"/>
    /// some labels are flipped, so deep trees overfit; <paramref name="missingRate"/> blanks values to NaN.
    /// </summary>
    public static SyntheticProblem Linear(int rows, int columns, int seed, double flipRate = 0, double missingRate = 0)
    {
        var random = new Random(seed);
        var values = new float[rows * columns];
        var labels = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = (float)((random.NextDouble() * 2) - 1);
            }

            bool positive = values[r * columns] + values[(r * columns) + 1] > 0;
            labels[r] = positive ^ (random.NextDouble() < flipRate) ? 1 : 0;
            for (int c = 0; c < columns; c++)
            {
                if (random.NextDouble() < missingRate)
                {
                    values[(r * columns) + c] = float.NaN;
                }
            }
        }

        return new SyntheticProblem(values, labels, rows, columns);
    }

    public XgboostMatrix ToMatrix(IReadOnlyList<string>? featureNames = null) =>
        XgboostMatrix.FromDense(Values, Rows, Columns, Labels, featureNames: featureNames);
}
