using System.Runtime.InteropServices;

namespace GraphGuard.Learning.Xgboost;

/// <summary>
/// An XGBoost <c>DMatrix</c> built from a dense row-major float matrix; <see cref="float.NaN"/> marks a missing
/// value. XGBoost copies the values, so the span may be reused once the matrix exists.
/// </summary>
public sealed class XgboostMatrix : IDisposable
{
    private const string LabelField = "label";
    private const string WeightField = "weight";
    private const string FeatureNameField = "feature_name";

    private XgboostMatrix(XgboostMatrixHandle handle) => Handle = handle;

    internal XgboostMatrixHandle Handle { get; }

    /// <summary>Number of rows (examples).</summary>
    public int Rows => XgboostNative.Count(XgboostNative.XGDMatrixNumRow(Handle, out ulong rows), rows);

    /// <summary>Number of columns (features).</summary>
    public int Columns => XgboostNative.Count(XgboostNative.XGDMatrixNumCol(Handle, out ulong columns), columns);

    /// <summary>Number of values that are present (not missing).</summary>
    public long NonMissingCount
    {
        get
        {
            XgboostNative.Check(XgboostNative.XGDMatrixNumNonMissing(Handle, out ulong count));
            return checked((long)count);
        }
    }

    /// <summary>Feature (column) names, or empty when none were set.</summary>
    public IReadOnlyList<string> FeatureNames => XgboostNative.Strings(
        XgboostNative.XGDMatrixGetStrFeatureInfo(Handle, FeatureNameField, out ulong count, out nint names),
        names,
        count);

    /// <summary>
    /// Copies a dense row-major matrix (<paramref name="rows"/> x <paramref name="columns"/>) into XGBoost,
    /// with optional labels, weights (one per row) and feature names (one per column).
    /// </summary>
    /// <param name="values">Row-major values; NaN is missing.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="labels">One label per row, or empty.</param>
    /// <param name="weights">One weight per row, or empty.</param>
    /// <param name="featureNames">One name per column, or null.</param>
    /// <param name="threads">Threads XGBoost may use for the copy; 0 means all.</param>
    public static unsafe XgboostMatrix FromDense(
        ReadOnlySpan<float> values,
        int rows,
        int columns,
        ReadOnlySpan<float> labels = default,
        ReadOnlySpan<float> weights = default,
        IReadOnlyList<string>? featureNames = null,
        int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (values.Length != (long)rows * columns)
        {
            throw new ArgumentException($"Expected {rows} x {columns} values, got {values.Length}.", nameof(values));
        }

        XgboostMatrixHandle handle;
        fixed (float* data = values)
        {
            XgboostNative.Check(XgboostNative.XGDMatrixCreateFromMat_omp(
                data, (ulong)rows, (ulong)columns, float.NaN, out handle, threads));
        }

        var matrix = new XgboostMatrix(handle);
        try
        {
            if (!labels.IsEmpty)
            {
                matrix.SetLabels(labels);
            }

            if (!weights.IsEmpty)
            {
                matrix.SetWeights(weights);
            }

            if (featureNames is not null)
            {
                matrix.SetFeatureNames(featureNames);
            }
        }
        catch
        {
            matrix.Dispose();
            throw;
        }

        return matrix;
    }

    /// <summary>Sets one label per row (0 or 1 for binary objectives).</summary>
    public void SetLabels(ReadOnlySpan<float> labels) => SetRowInfo(LabelField, labels);

    /// <summary>Sets one weight per row.</summary>
    public void SetWeights(ReadOnlySpan<float> weights) => SetRowInfo(WeightField, weights);

    /// <summary>The labels set on this matrix (empty when none).</summary>
    public float[] GetLabels() => GetRowInfo(LabelField);

    /// <summary>The weights set on this matrix (empty when none).</summary>
    public float[] GetWeights() => GetRowInfo(WeightField);

    /// <summary>Names the columns; XGBoost rejects a count other than <see cref="Columns"/>.</summary>
    public void SetFeatureNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        string[] copy = [.. names];
        XgboostNative.Check(
            XgboostNative.XGDMatrixSetStrFeatureInfo(Handle, FeatureNameField, copy, (ulong)copy.Length));
    }

    /// <summary>Frees the native matrix; safe to call more than once.</summary>
    public void Dispose() => Handle.Dispose();

    private unsafe void SetRowInfo(string field, ReadOnlySpan<float> values)
    {
        // XGBoost checks the length only when it trains; a wrong one is a caller bug worth failing early.
        if (values.Length != Rows)
        {
            throw new ArgumentException($"Expected one {field} per row ({Rows}), got {values.Length}.", nameof(values));
        }

        fixed (float* data = values)
        {
            XgboostNative.Check(XgboostNative.XGDMatrixSetFloatInfo(Handle, field, data, (ulong)values.Length));
        }
    }

    private float[] GetRowInfo(string field)
    {
        XgboostNative.Check(XgboostNative.XGDMatrixGetFloatInfo(Handle, field, out ulong length, out nint values));
        var copy = new float[checked((int)length)];
        if (copy.Length > 0)
        {
            Marshal.Copy(values, copy, 0, copy.Length);
        }

        return copy;
    }
}
