using GraphGuard.Core.Features;

namespace GraphGuard.Learning.Evaluation;

/// <summary>Label-free rescaling of feature columns for models that are not scale-invariant (GraphSAGE; trees do not need it).</summary>
public static class FeatureScaling
{
    /// <summary>
    /// Each column shifted to mean 0 and divided by its population standard deviation over all rows; a constant
    /// column becomes 0. Row-major, as <see cref="FeatureMatrix.Values"/>.
    /// </summary>
    public static float[] Standardize(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var (rows, width) = (features.RowCount, features.ColumnCount);
        var mean = new double[width];
        var squares = new double[width];
        for (var r = 0; r < rows; r++)
        {
            var row = features.Row(r);
            for (var c = 0; c < width; c++)
            {
                mean[c] += row[c];
                squares[c] += (double)row[c] * row[c];
            }
        }
        var scale = new double[width];
        for (var c = 0; c < width; c++)
        {
            mean[c] /= Math.Max(1, rows);
            var deviation = Math.Sqrt(Math.Max(0, (squares[c] / Math.Max(1, rows)) - (mean[c] * mean[c])));
            scale[c] = deviation > 1e-12 ? 1 / deviation : 0;
        }
        var values = new float[features.Values.Length];
        for (var r = 0; r < rows; r++)
        {
            var row = features.Row(r);
            for (var c = 0; c < width; c++)
            {
                values[(r * width) + c] = (float)((row[c] - mean[c]) * scale[c]);
            }
        }
        return values;
    }
}
