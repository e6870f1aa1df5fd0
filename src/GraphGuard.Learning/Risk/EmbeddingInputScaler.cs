using System.Text.Json.Serialization;
using GraphGuard.Core.Features;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// Makes GraphSAGE's input from risk features: each value through a signed log (counts and sizes are
/// heavy-tailed), then centred and scaled to unit variance; a missing value becomes 0, the column's mean.
/// GraphSAGE needs finite inputs on similar scales. Fitted once on every account, kept with the model.
/// </summary>
/// <param name="Names">The input features, in order.</param>
/// <param name="Means">Mean of each transformed feature over the accounts that have it.</param>
/// <param name="Scales">Standard deviation of each (1 where it is 0).</param>
[method: JsonConstructor]
public sealed record EmbeddingInputScaler(string[] Names, float[] Means, float[] Scales)
{
    /// <summary>Fits on the columns of <paramref name="features"/> named in <paramref name="names"/>.</summary>
    public static EmbeddingInputScaler Fit(FeatureMatrix features, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(names);
        var means = new float[names.Count];
        var scales = new float[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var c = features.Column(names[i]);
            double sum = 0, squares = 0;
            long count = 0;
            for (var r = 0; r < features.RowCount; r++)
            {
                var x = features.Values[((long)r * features.ColumnCount) + c];
                if (float.IsFinite(x))
                {
                    var t = SignedLog(x);
                    (sum, squares, count) = (sum + t, squares + (t * t), count + 1);
                }
            }
            var mean = count == 0 ? 0 : sum / count;
            var variance = count == 0 ? 0 : Math.Max(0, (squares / count) - (mean * mean));
            means[i] = (float)mean;
            scales[i] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }
        return new EmbeddingInputScaler([.. names], means, scales);
    }

    /// <summary>The scaled inputs, row-major (accounts × <see cref="Names"/>), all finite.</summary>
    public float[] Transform(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var columns = Names.Select(features.Column).ToArray();
        var width = Names.Length;
        var values = new float[(long)features.RowCount * width];
        Parallel.For(0, features.RowCount, r =>
        {
            var row = features.Row(r);
            for (var i = 0; i < width; i++)
            {
                var x = row[columns[i]];
                values[((long)r * width) + i] = float.IsFinite(x) ? (float)((SignedLog(x) - Means[i]) / Scales[i]) : 0f;
            }
        });
        return values;
    }

    private static double SignedLog(float x) => Math.Sign(x) * Math.Log(1 + Math.Abs((double)x));
}
