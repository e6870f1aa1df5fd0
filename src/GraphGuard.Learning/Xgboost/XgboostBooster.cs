using System.Globalization;
using System.Runtime.InteropServices;

namespace GraphGuard.Learning.Xgboost;

/// <summary>
/// An XGBoost booster (model). Create one for training with <see cref="Create"/>, or load a saved model with
/// <see cref="LoadJson"/> or <see cref="LoadFile"/>; <see cref="XgboostTrainer"/> runs the boosting rounds.
/// Not thread-safe: XGBoost keeps prediction buffers in the booster, so use one booster per thread.
/// </summary>
public sealed partial class XgboostBooster : IDisposable
{
    private const string FeatureNameField = "feature_name";
    private const string BestIterationAttribute = "best_iteration";
    private const string BestScoreAttribute = "best_score";

    private XgboostBooster(XgboostBoosterHandle handle) => Handle = handle;

    internal XgboostBoosterHandle Handle { get; }

    /// <summary>The version of the XGBoost library loaded (1.7 on Debian bookworm), for model cards.</summary>
    public static Version LibraryVersion
    {
        get
        {
            XgboostNative.XGBoostVersion(out int major, out int minor, out int patch);
            return new Version(major, minor, patch);
        }
    }

    /// <summary>Number of boosting rounds in the model.</summary>
    public int BoostedRounds
    {
        get
        {
            XgboostNative.Check(XgboostNative.XGBoosterBoostedRounds(Handle, out int rounds));
            return rounds;
        }
    }

    /// <summary>Number of features the model was trained on.</summary>
    public int FeatureCount => XgboostNative.Count(XgboostNative.XGBoosterGetNumFeature(Handle, out ulong count), count);

    /// <summary>Feature names saved with the model (empty when none); they travel with the JSON model.</summary>
    public IReadOnlyList<string> FeatureNames
    {
        get => XgboostNative.Strings(
            XgboostNative.XGBoosterGetStrFeatureInfo(Handle, FeatureNameField, out ulong count, out nint names),
            names,
            count);

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            string[] copy = [.. value];
            XgboostNative.Check(
                XgboostNative.XGBoosterSetStrFeatureInfo(Handle, FeatureNameField, copy, (ulong)copy.Length));
        }
    }

    /// <summary>
    /// The 0-based round with the best validation score when training stopped early, or null. Kept as a model
    /// attribute under the name XGBoost's Python package uses, so it survives save and load.
    /// </summary>
    public int? BestIteration =>
        GetAttribute(BestIterationAttribute) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>The validation score at <see cref="BestIteration"/>, or null.</summary>
    public double? BestScore =>
        GetAttribute(BestScoreAttribute) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Creates an untrained booster with the given parameters. The matrices are XGBoost's prediction cache
    /// (the training and evaluation sets); the first one's feature names become the model's.
    /// </summary>
    public static unsafe XgboostBooster Create(XgboostParameters parameters, IReadOnlyList<XgboostMatrix> cache)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(cache);
        XgboostBoosterHandle handle;
        using (var handles = new XgboostMatrixHandles(cache))
        {
            fixed (nint* matrices = handles.Pointers)
            {
                XgboostNative.Check(XgboostNative.XGBoosterCreate(matrices, (ulong)cache.Count, out handle));
            }
        }

        return Own(handle, booster =>
        {
            foreach (var (name, value) in parameters.ToPairs())
            {
                booster.SetParameter(name, value);
            }

            // XGBoost's C API leaves feature names to the caller (the Python package copies them the same way).
            if (cache.Count > 0 && cache[0].FeatureNames is { Count: > 0 } names)
            {
                booster.FeatureNames = names;
            }
        });
    }

    /// <summary>Loads a model saved by <see cref="SaveJson"/> (or any format XGBoost reads from a buffer).</summary>
    public static unsafe XgboostBooster LoadJson(ReadOnlySpan<byte> model)
    {
        fixed (byte* bytes = model)
        {
            nint address = (nint)bytes;
            int length = model.Length;
            return Own(CreateEmpty(), booster => XgboostNative.Check(
                XgboostNative.XGBoosterLoadModelFromBuffer(booster.Handle, (byte*)address, (ulong)length)));
        }
    }

    /// <summary>Loads a model file saved by <see cref="SaveFile"/>; XGBoost picks the format as it does there.</summary>
    public static XgboostBooster LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Own(CreateEmpty(), booster => XgboostNative.Check(XgboostNative.XGBoosterLoadModel(booster.Handle, path)));
    }

    /// <summary>Sets one parameter by its XGBoost name; XGBoost validates it when training or predicting next.</summary>
    public void SetParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        XgboostNative.Check(XgboostNative.XGBoosterSetParam(Handle, name, value));
    }

    /// <summary>Reads a model attribute (saved with the model), or null when it is not set.</summary>
    public string? GetAttribute(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        XgboostNative.Check(XgboostNative.XGBoosterGetAttr(Handle, key, out nint value, out int found));
        return found != 0 ? Marshal.PtrToStringUTF8(value) : null;
    }

    /// <summary>Sets a model attribute (saved with the model).</summary>
    public void SetAttribute(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        XgboostNative.Check(XgboostNative.XGBoosterSetAttr(Handle, key, value));
    }

    /// <summary>Runs one boosting round on the training matrix (its labels are the targets).</summary>
    public void UpdateOneIteration(int iteration, XgboostMatrix train)
    {
        ArgumentNullException.ThrowIfNull(train);
        XgboostNative.Check(XgboostNative.XGBoosterUpdateOneIter(Handle, iteration, train.Handle));
    }

    /// <summary>
    /// Evaluates the model's metrics (<c>eval_metric</c>) on named matrices after a round, as XGBoost computes
    /// them. Set names must not contain a dash or white space.
    /// </summary>
    public unsafe XgboostMetricValue[] EvaluateOneIteration(
        int iteration, IReadOnlyList<KeyValuePair<string, XgboostMatrix>> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        string[] names = [.. sets.Select(s => s.Key)];
        if (names.FirstOrDefault(n => n.Length == 0 || n.Contains('-') || n.Any(char.IsWhiteSpace)) is { } bad)
        {
            throw new ArgumentException($"Evaluation set name '{bad}' must be non-empty, without dashes or spaces.");
        }

        nint line;
        using (var handles = new XgboostMatrixHandles([.. sets.Select(s => s.Value)]))
        {
            fixed (nint* matrices = handles.Pointers)
            {
                XgboostNative.Check(XgboostNative.XGBoosterEvalOneIter(
                    Handle, iteration, matrices, names, (ulong)names.Length, out line));
            }
        }

        return XgboostMetricValue.ParseEvaluation(Marshal.PtrToStringUTF8(line) ?? "");
    }

    /// <summary>Frees the native booster; safe to call more than once.</summary>
    public void Dispose() => Handle.Dispose();

    internal void RecordBest(int iteration, double score)
    {
        SetAttribute(BestIterationAttribute, iteration.ToString(CultureInfo.InvariantCulture));
        SetAttribute(BestScoreAttribute, score.ToString("R", CultureInfo.InvariantCulture));
    }

    private static unsafe XgboostBoosterHandle CreateEmpty()
    {
        XgboostNative.Check(XgboostNative.XGBoosterCreate(null, 0, out var handle));
        return handle;
    }

    /// <summary>Wraps a new handle and sets it up; the handle is freed if the setup throws.</summary>
    private static XgboostBooster Own(XgboostBoosterHandle handle, Action<XgboostBooster> setUp)
    {
        var booster = new XgboostBooster(handle);
        try
        {
            setUp(booster);
            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }
}
